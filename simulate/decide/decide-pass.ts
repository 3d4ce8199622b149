import type { StandardOrder } from '../../engine/order/schema.ts';
import { type Changes, ChangeTally } from '../diff/change-tally.ts';
import type { OrderHistory } from '../history/order-history.ts';
import { chinaHour } from '../order-time.ts';
import type { ProgressSink } from '../progress.ts';
import type { SkippedList } from '../report/skipped-list.ts';
import { RunMerger } from '../sort/merge-runs.ts';
import { recordsIn } from '../sort/run-record.ts';
import type { DecideReply, DecideRequest } from '../threads/messages.ts';
import { SharedBufferPool } from '../threads/shared-buffer-pool.ts';
import { Slots } from '../threads/slots.ts';
import type { ThreadHandle } from '../threads/thread-handle.ts';
import { BatchBuilder, type DecideBatch } from './batch-builder.ts';
import type { Tallies } from './tallies.ts';
import { sameViews, type ViewsText, viewLines } from './views-text.ts';

export type DecideWorker = ThreadHandle<DecideRequest, DecideReply>;
type Decided = Extract<DecideReply, { type: 'decided' }>;

/** Batches between the merge and the slower decider: enough to keep both deciders busy. */
const IN_FLIGHT = 4;
/** A views buffer's first size: a batch's views take ~70 KB of UTF-8 in the demo. */
const VIEWS_BYTES = 256 * 1024;

export interface Deciders {
  candidate: DecideWorker;
  baseline?: DecideWorker;
}

export interface DecideResult {
  candidate: Tallies;
  baseline?: Tallies;
  changes?: Changes;
  /** Orders per pay hour of the day (China time), 0–23. */
  payHours: number[];
}

interface InFlight {
  batch: DecideBatch;
  candidate?: Decided;
  baseline?: Decided;
}

/**
 * Pass 2: merges the sorted runs into one stream in decision order and sends the same batches to
 * each pipeline's decider (baseline and candidate have independent state, so they run side by
 * side), each order with what `history` says of it. Replies are settled strictly in batch order,
 * which keeps the diff's examples and every count the same whatever the timing.
 */
export async function decidePass(
  runs: readonly string[],
  history: OrderHistory,
  total: number,
  deciders: Deciders,
  failed: { candidate: SkippedList; baseline: SkippedList },
  progress: ProgressSink,
): Promise<DecideResult> {
  const slots = new Slots(IN_FLIGHT);
  const builder = new BatchBuilder(history);
  const inFlight = new Map<number, InFlight>();
  const changes = deciders.baseline ? new ChangeTally() : undefined;
  // Two buffers a batch in flight, one for each pipeline's views; back once the batch is settled.
  const viewsPool = deciders.baseline ? new SharedBufferPool(VIEWS_BYTES) : undefined;
  const payHours: number[] = new Array(24).fill(0);
  let settled = 0;
  let processed = 0;

  const settle = () => {
    for (let next = inFlight.get(settled); next; next = inFlight.get(settled)) {
      if (!next.candidate || (deciders.baseline && !next.baseline)) return;
      inFlight.delete(settled++);
      processed += next.candidate.decided + next.candidate.failed.length;
      failed.candidate.add(next.candidate.failed);
      if (next.baseline) {
        failed.baseline.add(next.baseline.failed);
        compare(changes!, next.batch, next.baseline.views!, next.candidate.views!);
        viewsPool!.give(next.baseline.views!.bytes);
        viewsPool!.give(next.candidate.views!.bytes);
      }
      builder.recycle(next.batch);
      progress.update(processed, processed);
      slots.release();
    }
  };
  const tallies = (side: 'candidate' | 'baseline', worker: DecideWorker) =>
    new Promise<Tallies>((resolve) => {
      worker.listen((reply) => {
        if (reply.type === 'finished') return resolve(reply.tallies);
        inFlight.get(reply.id)![side] = reply;
        settle();
      });
    });
  const candidateTallies = tallies('candidate', deciders.candidate);
  const baselineTallies = deciders.baseline ? tallies('baseline', deciders.baseline) : undefined;

  progress.phase('deciding', total);
  const merger = new RunMerger(runs);
  let id = 0;
  const send = async () => {
    await slots.acquire();
    const batch = builder.take();
    inFlight.set(id, { batch });
    // Both read the same shared bytes; the main thread keeps the batch to quote orders in the
    // diff's examples, and recycles it once settled.
    const request: DecideRequest = { type: 'batch', id, bytes: batch.bytes, history: batch.history };
    if (viewsPool) {
      deciders.baseline?.post({ ...request, views: viewsPool.take() });
      deciders.candidate.post({ ...request, views: viewsPool.take() });
    } else {
      deciders.candidate.post(request);
    }
    id++;
  };
  for (let record = merger.next(); record; record = merger.next()) {
    payHours[chinaHour(record.key)]!++;
    builder.add(record);
    if (builder.full) await send();
  }
  if (!builder.empty) await send();
  await slots.drain();
  deciders.candidate.post({ type: 'finish' });
  deciders.baseline?.post({ type: 'finish' });
  const result: DecideResult = { candidate: await candidateTallies, payHours };
  if (baselineTallies) result.baseline = await baselineTallies;
  if (changes) result.changes = changes.result();
  progress.done();
  return result;
}

/** Compares a batch's views, a line each; a batch both pipelines decided alike is one comparison. */
function compare(
  changes: ChangeTally,
  batch: DecideBatch,
  baselineViews: ViewsText,
  candidateViews: ViewsText,
): void {
  if (sameViews(baselineViews, candidateViews)) return;
  const baseline = viewLines(baselineViews);
  const candidate = viewLines(candidateViews);
  for (let i = 0; i < batch.keys.length; i++) {
    changes.add(batch.keys[i]!, batch.lines[i]!, baseline[i]!, candidate[i]!, () => orderAt(batch.bytes, i));
  }
}

/** The i-th order of a batch, parsed only for the few changed orders quoted as examples. */
function orderAt(bytes: Uint8Array, index: number): StandardOrder {
  let i = 0;
  for (const { payload } of recordsIn(bytes)) {
    if (i++ === index) return JSON.parse(new TextDecoder().decode(payload)) as StandardOrder;
  }
  throw new Error(`a batch has no order ${index}`);
}
