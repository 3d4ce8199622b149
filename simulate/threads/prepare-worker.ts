import type { MessagePort } from 'node:worker_threads';
import { RecordPreparer } from '../prepare/prepare-records.ts';
import { RunWriter } from '../sort/run-writer.ts';
import type { PrepareReply, PrepareRequest, PrepareWorkerData } from './messages.ts';

/** Prepares batches as they come and writes sorted runs; on `finish`, the last run and their list. */
export function runPrepareWorker(port: MessagePort, data: PrepareWorkerData): void {
  const writer = new RunWriter(data.tempDir, data.prefix, data.runBytes);
  const preparer = new RecordPreparer(data.setup, writer);
  const reply = (message: PrepareReply) => port.postMessage(message);
  port.on('message', (request: PrepareRequest) => {
    if (request.type === 'batch') {
      reply({ type: 'prepared', ...preparer.prepare(request.batch) });
    } else {
      writer.flush();
      reply({ type: 'finished', runs: writer.runs });
    }
  });
}
