import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Runs a command to the end; throws with its output when it fails. */
export function run(command: string, args: readonly string[], cwd = ROOT): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * The package as `npm install <tarball>` leaves it, in a folder of its own: the tarball of `npm pack`
 * (exactly its files) unpacked into node_modules/ordergraph with its bin linked, and its dependencies
 * linked from ours. Installing those from the registry took minutes (isolated-vm alone), too long
 * for a test; unpacking the real tarball still catches a file the package forgot to ship.
 */
export function installPacked(): string {
  const app = mkdtempSync(join(tmpdir(), 'ordergraph-packed-'));
  // --ignore-scripts: `prepare` would rebuild the editor; the caller built dist/ already.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', app]));
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  run('tar', ['-xzf', join(app, packed[0].filename), '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, 'ordergraph'));
  symlinkSync('../ordergraph/bin/ordergraph.js', join(modules, '.bin', 'ordergraph'));
  for (const name of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
  }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'integrator', private: true, type: 'module' }),
  );
  return app;
}
