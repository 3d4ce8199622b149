// Entry of a worker process, started by the host with `node --no-node-snapshot` (and `--import tsx` from source).
// Requests arrive one at a time and are answered synchronously: while an isolate runs, this process does
// nothing else, and the host's watchdog is what notices when it never comes back.
import { IsolateLimitsSchema } from '../config.ts';
import { HostMessageSchema, type WorkerMessage } from '../protocol/messages.ts';
import { WorkerService } from './worker-service.ts';

const send = process.send?.bind(process);
if (send === undefined)
  throw new Error('the sandbox worker must be started by PluginHost, with an IPC channel');

const service = new WorkerService(IsolateLimitsSchema.parse(JSON.parse(process.argv[2] ?? '{}')));
const reply = (message: WorkerMessage) => send(message);

process.on('message', (raw) => {
  const answer = service.handle(HostMessageSchema.parse(raw));
  if (answer !== undefined) reply(answer);
});
// The host went away: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
