import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost } from '../../sandbox/index.ts';
import { formatBuildIssue } from './build-issue.ts';
import { buildPlugin } from './build-plugin.ts';
import { builtPluginPath, readBuiltPlugin, readBuiltPlugins } from './plugin-files.ts';

const plugin = (manifest: string, body = 'run: (order) => ({ score: 1 })') => `
import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: ${manifest},
  ${body},
});
`;

const GOOD = `{ kind: 'fact', id: 'tiny', version: '1.0.0', name: 'Tiny', reads: ['buyerMessage'], outputs: { score: { type: 'number' } } }`;

describe('buildPlugin (manifest read in the sandbox)', () => {
  let host: PluginHost;

  beforeAll(() => {
    host = new PluginHost({ workers: 1 });
  });
  afterAll(() => host.close());

  it('returns the checked manifest with the code', async () => {
    const built = await buildPlugin(plugin(GOOD), 'tiny.plugin.ts', host);
    expect(built).toMatchObject({
      ok: true,
      plugin: {
        formatVersion: 1,
        manifest: { kind: 'fact', id: 'tiny', inputs: {} },
        code: expect.any(String),
      },
    });
  });

  it('names manifest problems by their path in the manifest', async () => {
    const bad = `{ kind: 'fact', id: 'tiny', version: 'one', name: 'Tiny', reads: ['receiver.street'], outputs: { score: { type: 'int' } } }`;
    const built = await buildPlugin(plugin(bad), 'tiny.plugin.ts', host);
    expect(built.ok ? [] : built.issues.map(formatBuildIssue)).toEqual([
      'tiny.plugin.ts: manifest.version: use a semantic version such as 1.0.0',
      expect.stringMatching(/^tiny\.plugin\.ts: manifest\.outputs\.score\.type: /),
    ]);
    const unknownField = GOOD.replace("'buyerMessage'", "'receiver.street'");
    const again = await buildPlugin(plugin(unknownField), 'tiny.plugin.ts', host);
    expect(again.ok ? [] : again.issues.map(formatBuildIssue)).toEqual([
      'tiny.plugin.ts: manifest.reads[0]: no order has a field "receiver.street"',
    ]);
  });

  it('reports code that fails when its isolate runs it, without running it in the host', async () => {
    const noDefault = 'export const manifest = {};\nexport function run() { return 1; }\n';
    const throwing = `throw new Error('boom at load');\n${plugin(GOOD)}`;
    const looping = `for (;;) {}\n${plugin(GOOD)}`;
    const results = await Promise.all(
      [noDefault, throwing, looping].map((source) => buildPlugin(source, 'x.plugin.ts', host)),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.issues.map(formatBuildIssue).join()))).toEqual([
      'x.plugin.ts: plugin_compile_error: a plugin must end with: export default definePlugin({ manifest, run })',
      'x.plugin.ts: plugin_compile_error: boom at load',
      expect.stringMatching(/^x\.plugin\.ts: plugin_timeout: /),
    ]);
  });

  it('writes and reads built plugin files, checking the manifest again on the way in', async () => {
    const built = await buildPlugin(plugin(GOOD), 'tiny.plugin.ts', host);
    if (!built.ok) throw new Error('build failed');
    const dir = mkdtempSync(join(tmpdir(), 'ordergraph-plugins-'));
    const file = builtPluginPath(join(dir, 'tiny.plugin.ts'));
    expect(file).toBe(join(dir, 'tiny.plugin.json'));
    writeFileSync(file, JSON.stringify(built.plugin));
    expect(readBuiltPlugins(dir)).toEqual([built.plugin]);

    const tampered = JSON.parse(readFileSync(file, 'utf8'));
    tampered.manifest.reads = ['process.env'];
    writeFileSync(file, JSON.stringify(tampered));
    expect(() => readBuiltPlugin(file)).toThrow(/manifest\.reads\[0\]: no order has a field "process\.env"/);
  });
});
