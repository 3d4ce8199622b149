import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IsolateLimitsSchema, type PluginHostConfig } from '../config.ts';

const WORKER_ENTRY = fileURLToPath(new URL('../worker/main.ts', import.meta.url));
// Resolved from here rather than by name, so the worker starts whatever the host's working directory is.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function spawnWorker(config: PluginHostConfig): ChildProcess {
  return fork(WORKER_ENTRY, [JSON.stringify(IsolateLimitsSchema.parse(config))], {
    // isolated-vm needs --no-node-snapshot on Node 20 and later.
    execArgv: ['--no-node-snapshot', '--import', TSX_LOADER],
    // Nothing of the host's environment (keys, connection strings) is in reach of a plugin that escapes.
    env: { TZ: config.timeZone },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}
