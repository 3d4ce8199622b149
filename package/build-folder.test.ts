import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './install-packed.test-helper.ts';

/**
 * `package/build.ts <folder>` (the simulate bench's build) starts the workers of that build, not
 * dist/'s: a bench of an edited tree measured dist/'s threads, built whenever dist/ last was.
 * The folder sits under node_modules, where the bundles' imports of their packages resolve.
 */
let build = '';

function node(args: readonly string[]) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const simulateCsv = () =>
  node([
    join(build, 'cli.js'),
    'simulate',
    '--strategies',
    'samples/clients/demo/strategies',
    '--orders',
    'samples/history/old-system-export.csv',
    '--map',
    'samples/history/old-system-mapping.json',
    '--workers',
    '1',
  ]);

const buildPlugin = () =>
  node([
    join(build, 'cli.js'),
    'plugin',
    'build',
    'plugins/samples/address-risk/address-risk.plugin.ts',
    '--out',
    mkdtempSync(join(tmpdir(), 'ordergraph-build-folder-plugin-')),
  ]);

describe('a build made into a folder of its own', { timeout: 60_000 }, () => {
  beforeAll(() => {
    const cache = join(ROOT, 'node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    build = join(mkdtempSync(join(cache, 'ordergraph-build-folder-')), 'dist');
    expect(node(['--import', 'tsx', 'package/build.ts', build]).code).toBe(0);
  });
  afterAll(() => rmSync(join(build, '..'), { recursive: true, force: true }));

  it('simulates and builds plugins with its workers in place', () => {
    const simulated = simulateCsv();
    expect(simulated.stdout).toMatch(/^Simulated 40 orders /);
    expect(simulated.code).toBe(0);
    expect(buildPlugin().code).toBe(0);
  });

  it('starts its own workers: without them it fails, whatever dist/ holds', () => {
    rmSync(join(build, 'simulate-worker.js'));
    rmSync(join(build, 'sandbox-worker.js'));
    const simulated = simulateCsv();
    expect(simulated.code).not.toBe(0);
    expect(simulated.stderr).toContain(`Cannot find module '${join(build, 'simulate-worker.js')}'`);
    const plugin = buildPlugin();
    expect(plugin.code).not.toBe(0);
    expect(plugin.stderr).toContain('the sandbox worker died while starting');
  });
});
