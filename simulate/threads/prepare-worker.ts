import type { MessagePort } from 'node:worker_threads';
import { HistoryRunWriter } from '../history/history-runs.ts';
import { RecordPreparer } from '../prepare/prepare-records.ts';
import { RunWriter } from '../sort/run-writer.ts';
import type { PrepareReply, PrepareRequest, PrepareWorkerData } from './messages.ts';

/**
 * Prepares batches as they come and writes sorted runs, of orders and of the history's ids; on
 * `finish`, the last runs and their lists.
 */
export function runPrepareWorker(port: MessagePort, data: PrepareWorkerData): void {
  const writer = new RunWriter(data.tempDir, data.prefix, data.runBytes);
  const history = new HistoryRunWriter(data.tempDir, data.prefix, data.runBytes);
  const preparer = new RecordPreparer(data.setup, writer, history);
  const reply = (message: PrepareReply) => port.postMessage(message);
  port.on('message', (request: PrepareRequest) => {
    if (request.type === 'batch') {
      reply({ type: 'prepared', ...preparer.prepare(request.batch) });
    } else {
      writer.flush();
      history.flush();
      reply({ type: 'finished', runs: writer.runs, history: history.runs });
    }
  });
}
