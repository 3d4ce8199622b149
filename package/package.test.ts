import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { runCli } from '../test-support/run-cli.ts';
import { installPacked, ROOT, run } from './install-packed.test-helper.ts';

/**
 * The package as an integrator gets it: built as `npm ci`'s `prepare` builds it, packed by `npm pack`,
 * installed, and run in plain Node, no TypeScript loader anywhere. The other CLI tests run the source.
 */
const ROUTING = 'samples/clients/demo/strategies/routing.strategy.json';
let app = '';

const installed = (path = '') => join(app, 'node_modules/ordergraph', path);

function ordergraph(args: readonly string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [join(app, 'node_modules/.bin/ordergraph'), ...args], {
    cwd: app,
    ...options,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('the packed ordergraph package', { timeout: 60_000 }, () => {
  beforeAll(() => {
    run('npm', ['run', 'build']);
    app = installPacked();
  }, 240_000);

  it('ships dist/, the bin and the files dist/ reads at run time; no sources, no tests', () => {
    const files = filesUnder(installed());
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/ordergraph.js',
        'dist/cli.js',
        'dist/sandbox-worker.js',
        'dist/simulate-worker.js',
        'dist/index.js',
        'dist/types/exports/index.d.ts',
        'sandbox/worker/prelude.js',
        'plugins/sdk/runtime.ts',
        'samples/clients/demo/client.json',
        'samples/orders/standard-hangzhou.json',
        'dist/simulate-plugin-pipeline.js',
        'samples/plugin-demo/address-risk.strategy.json',
      ]),
    );
    if (existsSync(join(ROOT, 'editor/dist/index.html'))) expect(files).toContain('editor/dist/index.html');
    // TypeScript the server reads as data: the SDK runtime it inlines into builds, and the sample plugins
    // a first start installs into the demo client.
    const sources = files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    expect(sources.sort()).toEqual([
      'plugins/samples/address-risk/address-risk.plugin.ts',
      'plugins/samples/gift-stock/gift-stock.plugin.ts',
      'plugins/samples/remark-classifier/remark-classifier.plugin.ts',
      'plugins/sdk/runtime.ts',
    ]);
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
  });

  it('prints its version with --version and -V', () => {
    expect(ordergraph(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(ordergraph(['-V']).stdout).toBe(`${pkg.version}\n`);
  });

  it('compiles through npx exactly as the TypeScript source does', () => {
    const npx = spawnSync('npx', ['--no', 'ordergraph', 'compile', installed(ROUTING)], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(npx.stderr).toBe('');
    expect(npx.status).toBe(0);
    expect(npx.stdout).toBe(runCli(['compile', join(ROOT, ROUTING)]).stdout);
  });

  it('imports by name in plain Node: your json-rules-engine decides orders as our runtime does', () => {
    copyFileSync(join(ROOT, 'package/fixtures/integrator.mjs'), join(app, 'integrator.mjs'));
    const orders = ['standard-hangzhou.json', 'standard-bulky-fridge.json'].map((f) =>
      join(ROOT, 'samples/orders', f),
    );
    const out = run(process.execPath, ['integrator.mjs', join(ROOT, ROUTING), ...orders], app);
    const decided = JSON.parse(out) as { theirs: { type: string }[]; ours: unknown[] }[];
    expect(decided).toHaveLength(2);
    for (const { theirs, ours } of decided) {
      expect(theirs.map((e) => e.type)).toEqual(['route']);
      expect(theirs).toEqual(ours);
    }
    // The bulky fridge goes to the bulky warehouse, the Hangzhou order does not: two different rules.
    expect(decided[0]!.theirs).not.toEqual(decided[1]!.theirs);
  });

  it('has declarations a TypeScript consumer compiles against', () => {
    copyFileSync(join(ROOT, 'package/fixtures/consumer.ts'), join(app, 'consumer.ts'));
    const compilerOptions = {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], app);
  });

  it('runs a plugin in the sandbox worker process, started from dist/', () => {
    const out = mkdtempSync(join(tmpdir(), 'ordergraph-packed-plugins-'));
    const source = join(ROOT, 'plugins/samples/address-risk/address-risk.plugin.ts');
    expect(ordergraph(['plugin', 'build', source, '--out', out]).code).toBe(0);
    const order = installed('samples/orders/standard-hangzhou.json');
    const tested = ordergraph(['plugin', 'test', join(out, 'address-risk.plugin.json'), '--order', order]);
    expect(tested.stderr).toBe('');
    expect(JSON.parse(tested.stdout)).toMatchObject({ score: expect.any(Number) });
  });

  it('simulates on worker threads started from dist/', () => {
    const { code, stdout } = ordergraph([
      'simulate',
      '--strategies',
      installed('samples/clients/demo/strategies'),
      '--orders',
      join(ROOT, 'samples/history/old-system-export.csv'),
      '--map',
      join(ROOT, 'samples/history/old-system-mapping.json'),
      '--workers',
      '2',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Simulated 40 orders .* 2 workers\)/);
  });

  it('serves the API, imports the demo client it ships and serves the editor', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ordergraph-packed-serve-'));
    const child = spawn(process.execPath, [join(app, 'node_modules/.bin/ordergraph'), 'serve'], {
      cwd: app,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => output, { timeout: 30_000, interval: 50 }).toMatch(/admin API key/);
      expect(output).toContain('imported client "demo"');
      const url = /Ordergraph API on (\S+)/.exec(output)![1]!;
      const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(existsSync(join(ROOT, 'editor/dist/index.html')) ? 200 : 503);

      // A shadow release decides in a process started from dist/shadow-process.js.
      const key = /admin API key \(shown once, stored hashed\): (og_\S+)/.exec(output)![1]!;
      const api = (method: string, path: string, body?: unknown) =>
        fetch(`${url}/api/v1/clients/demo${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const live = (await (await api('GET', '/live')).json()) as {
        strategies: { strategyId: string; version: number }[];
      };
      const routing = live.strategies.find((s) => s.strategyId === 'routing')!;
      const shadow = await api('PUT', '/shadow', {
        candidate: { strategies: [{ strategyId: 'routing', version: routing.version }] },
      });
      expect(shadow.status, await shadow.clone().text()).toBe(200);
      const order = JSON.parse(readFileSync(installed('samples/orders/standard-hangzhou.json'), 'utf8'));
      expect((await api('POST', '/evaluate', { order, platform: 'standard' })).status).toBe(200);
      const counted = (await (await api('GET', '/shadow')).json()) as Record<string, unknown>;
      expect(counted).toMatchObject({ status: 'running', orders: 1, diverged: 0, errors: 0 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  });

  it('bin/ordergraph.js without a build says how to make one', () => {
    const bare = mkdtempSync(join(tmpdir(), 'ordergraph-unbuilt-'));
    mkdirSync(join(bare, 'bin'));
    copyFileSync(join(ROOT, 'bin/ordergraph.js'), join(bare, 'bin/ordergraph.js'));
    const result = spawnSync(process.execPath, [join(bare, 'bin/ordergraph.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('ordergraph: dist/cli.js is missing: run npm run build\n');
  });
});
