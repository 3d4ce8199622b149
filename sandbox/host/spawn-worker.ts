import { type ChildProcess, fork } from 'node:child_process';
import { IsolateLimitsSchema, type PluginHostConfig } from '../config.ts';
import { workerEntry } from './worker-entry.ts';

export function spawnWorker(config: PluginHostConfig): ChildProcess {
  const entry = workerEntry();
  return fork(entry.file, [JSON.stringify(IsolateLimitsSchema.parse(config))], {
    // isolated-vm needs --no-node-snapshot on Node 20 and later.
    execArgv: ['--no-node-snapshot', ...entry.execArgv],
    // Nothing of the host's environment (keys, connection strings) is in reach of a plugin that escapes.
    env: { TZ: config.timeZone },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}
