import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';
import { TestServer } from '../../server/test/harness.ts';
import { runCliAsync } from '../../test-support/run-cli.ts';
import { serverPlugins } from './server-plugins.ts';

const ADDRESS_RISK = new URL('../../plugins/samples/address-risk/address-risk.plugin.ts', import.meta.url);

const run = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(args, { env: { ...process.env, ...env } });

describe('ordergraph plugin publish', () => {
  let server: TestServer;
  let key: string;
  let dir: string;
  /** A new version of a sample: the server installed the samples' own at its first start. */
  let sample: string;
  beforeAll(async () => {
    server = await TestServer.start({}, { plugins: serverPlugins(configFromEnv({}).plugins) });
    key = await server.keyFor('developer', ['demo']);
    dir = await mkdtemp(join(tmpdir(), 'ordergraph-publish-'));
    sample = join(dir, 'address-risk.plugin.ts');
    const source = await readFile(ADDRESS_RISK, 'utf8');
    await writeFile(sample, source.replace("version: '1.0.0'", "version: '1.2.0'"));
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads a source once; the same source again changes nothing', async () => {
    const args = ['plugin', 'publish', sample, '--server', server.running.url, '--client', 'demo'];
    const first = await run(args, { ORDERGRAPH_KEY: key });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('published fact plugin addressRisk@1.2.0 to client "demo"\n');
    expect(first.code).toBe(0);
    const again = await run([...args, '--key', key]);
    expect(again.stdout).toMatch(/already published .* nothing changed/);
    expect(again.code).toBe(0);
    const listed = await server.call('GET', '/api/v1/clients/demo/plugins');
    expect(listed.body.plugins[0]).toMatchObject({ pluginId: 'addressRisk', versions: ['1.0.0', '1.2.0'] });
  }, 60_000);

  it('prints build errors at the file, line and column and exits 1', async () => {
    const broken = join(dir, 'broken.plugin.ts');
    await writeFile(
      broken,
      "import { definePlugin } from '@ordergraph/plugin-sdk';\nexport default definePlugin({ manifest: ;\n",
    );
    const result = await run([
      'plugin',
      'publish',
      broken,
      '--server',
      server.running.url,
      '--client',
      'demo',
      '--key',
      key,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${broken.replaceAll('/', '\\/')}:2:\\d+: `));
  }, 60_000);

  it('names what is missing or unreachable and exits 2', async () => {
    const noKey = await run(
      ['plugin', 'publish', sample, '--server', server.running.url, '--client', 'demo'],
      {
        ORDERGRAPH_KEY: '',
      },
    );
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('ORDERGRAPH_KEY');
    const down = await run([
      'plugin',
      'publish',
      sample,
      '--server',
      'http://127.0.0.1:9',
      '--client',
      'demo',
      '--key',
      key,
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot reach http://127.0.0.1:9/api/v1');
  }, 60_000);
});
