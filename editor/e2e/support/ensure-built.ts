import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, EDITOR, REPO } from './paths.ts';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The suite tests the editor express serves, so it needs a build newer than the sources: CI's
 * `npm ci` built it (prepare); after a local edit this builds again (about 20 s here).
 */
export function ensureBuilt(): void {
  const index = `${DIST}index.html`;
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newest(`${EDITOR}src`),
    newest(`${REPO}engine`),
    statSync(`${EDITOR}index.html`).mtimeMs,
  );
  if (built > sources) return;
  execFileSync(
    process.execPath,
    [
      `${REPO}node_modules/vite/bin/vite.js`,
      'build',
      '--config',
      `${EDITOR}vite.config.ts`,
      '--logLevel',
      'warn',
    ],
    {
      cwd: REPO,
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
}
