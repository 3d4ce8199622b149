import type { HistoryRunFiles } from '../history/history-runs.ts';
import type { OrderSource } from '../input/order-source.ts';
import type { ProgressSink } from '../progress.ts';
import type { SkippedList } from '../report/skipped-list.ts';
import type { RunFile } from '../sort/run-writer.ts';
import type { PrepareReply, PrepareRequest } from '../threads/messages.ts';
import { Slots } from '../threads/slots.ts';
import type { ThreadHandle } from '../threads/thread-handle.ts';
import { WorkerQueues } from './worker-queues.ts';

export type PrepareWorker = ThreadHandle<PrepareRequest, PrepareReply>;

/** Batches a worker may hold at once: enough to keep it busy while the reader reads on. */
const IN_FLIGHT_PER_WORKER = 3;

export interface PrepareResult {
  /** Orders read, good or bad. */
  orders: number;
  runs: RunFile[];
  history: HistoryRunFiles;
}

/**
 * Pass 1: streams the input to the prepare workers, each batch to the least busy one, and waits
 * for their sorted runs. Rows that could not be read, by the reader or a worker, go to `skipped`.
 * `onReadAll` hears when the source has handed out its last item (the workers may still be busy).
 */
export async function preparePass(
  source: OrderSource,
  workers: readonly PrepareWorker[],
  skipped: SkippedList,
  progress: ProgressSink,
  onReadAll: (source: OrderSource) => void = () => undefined,
): Promise<PrepareResult> {
  const slots = new Slots(workers.length * IN_FLIGHT_PER_WORKER);
  const queues = new WorkerQueues(workers.length, (batch) => source.recycle?.(batch));
  let orders = 0;
  const finished = workers.map(
    (worker, w) =>
      new Promise<{ runs: RunFile[]; history: HistoryRunFiles }>((resolve) => {
        worker.listen((reply) => {
          if (reply.type === 'finished') return resolve(reply);
          queues.done(w);
          orders += reply.orders;
          skipped.add(reply.skipped);
          progress.update(source.bytesRead, orders);
          slots.release();
        });
      }),
  );
  progress.phase('reading', source.totalBytes);
  for await (const item of source.items()) {
    if (item.kind === 'bad') {
      orders++;
      skipped.add([item.row]);
      continue;
    }
    await slots.acquire();
    const w = queues.send(item.batch);
    // An NDJSON batch's bytes are shared with the worker, not copied (NdjsonSource).
    workers[w]!.post({ type: 'batch', batch: item.batch });
  }
  onReadAll(source);
  await slots.drain();
  for (const worker of workers) worker.post({ type: 'finish' });
  const replies = await Promise.all(finished);
  progress.update(source.totalBytes, orders);
  progress.done();
  return {
    orders,
    runs: replies.flatMap((r) => r.runs),
    history: {
      ids: replies.flatMap((r) => r.history.ids),
      buyers: replies.flatMap((r) => r.history.buyers),
    },
  };
}
