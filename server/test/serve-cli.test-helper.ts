import type { ChildProcess } from 'node:child_process';
import { spawnCli } from '../../test-support/run-cli.ts';

/** A real `ordergraph serve` child process and what it printed. */
export interface Served {
  child: ChildProcess;
  output: () => string;
  url: string;
  exit: Promise<number | null>;
}

/**
 * `ordergraph serve [args]` as `npm start` runs it, on a free port; resolves once it printed `ready`
 * (by default the admin key line, the banner's last). The child is pushed on `started` so a test's
 * cleanup can kill it.
 */
export async function serveCli(
  env: Record<string, string>,
  started: ChildProcess[],
  { args = [], ready = /admin API key[^\n]*\n/ }: { args?: string[]; ready?: RegExp } = {},
): Promise<Served> {
  const child = spawnCli(['serve', ...args], { env: { ...process.env, PORT: '0', ...env } });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Ordergraph API on (http:\/\/\S+)/.exec(output);
      if (match && ready.test(output)) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 20);
    void exit.then(() => {
      clearInterval(timer);
      reject(new Error(`serve exited early:\n${output}`));
    });
  });
  return { child, output: () => output, url, exit };
}
