import {
  type ChildProcess,
  type ChildProcessWithoutNullStreams,
  type SpawnOptions,
  type SpawnOptionsWithoutStdio,
  type SpawnSyncOptions,
  spawn,
  spawnSync,
} from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `ordergraph …` for tests: the CLI's TypeScript source through tsx, so a test sees an edit without a
 * rebuild. bin/ordergraph.js runs dist/ instead; package/package.test.ts builds it and tests that.
 * Options go to the child as given: the same cwd and env as spawning the bin.
 */
const CLI_SOURCE = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
// Resolved from here, so the child finds tsx whatever its working directory.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Node's arguments for `ordergraph <args>` from source. */
export const cliArgs = (args: readonly string[]): string[] => ['--import', TSX, CLI_SOURCE, ...args];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ordergraph <args>` to the end. */
export function runCli(args: readonly string[], options: SpawnSyncOptions = {}): CliResult {
  const result = spawnSync(process.execPath, cliArgs(args), { ...options, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `ordergraph <args>` (a server, say) and hands back the child. */
export function spawnCli(
  args: readonly string[],
  options?: SpawnOptionsWithoutStdio,
): ChildProcessWithoutNullStreams;
export function spawnCli(args: readonly string[], options: SpawnOptions): ChildProcess;
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, cliArgs(args), options);
}

/**
 * Runs `ordergraph <args>` to the end without blocking this process: for a CLI talking to a server
 * that runs in this same process (a test's), which `runCli` would starve.
 */
export function runCliAsync(
  args: readonly string[],
  options: SpawnOptionsWithoutStdio = {},
): Promise<CliResult> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
