import { type ProgressSink, SILENT } from '../progress.ts';
import { compactRuns, RunMerger } from '../sort/merge-runs.ts';
import { comparePayloadsFirst } from '../sort/run-record.ts';
import type { RunFile } from '../sort/run-writer.ts';

/** Lines of the input the history has room for at first; it doubles as later lines come. */
const INITIAL_LINES = 1024;
/** Records merged between two progress updates. */
const PROGRESS_EVERY = 65_536;

/**
 * What a replay's earlier orders say about each order, by the input line it starts on: whether an
 * order with its id came before it (in decision order), and how many orders its buyer placed
 * before it. Four bytes a line, where a decider's own sets of ids and buyers held ~130 bytes an
 * order each (issue 18): the state a replay's memory grew with.
 *
 * A line's value is `earlier buyer orders × 2 + (seen before ? 1 : 0)`.
 */
export class OrderHistory {
  private values = new Uint32Array(INITIAL_LINES);

  /** The value of the order on `line` (0: a new id, the buyer's first order in the run). */
  at(line: number): number {
    return line < this.values.length ? this.values[line]! : 0;
  }

  markSeen(line: number): void {
    this.room(line);
    this.values[line]! |= 1;
  }

  setEarlierBuyerOrders(line: number, count: number): void {
    this.room(line);
    this.values[line] = count * 2 + (this.values[line]! & 1);
  }

  private room(line: number): void {
    if (line < this.values.length) return;
    let size = this.values.length;
    while (size <= line) size *= 2;
    const bigger = new Uint32Array(size);
    bigger.set(this.values);
    this.values = bigger;
  }
}

export const seenBefore = (value: number): boolean => (value & 1) === 1;
export const earlierBuyerOrders = (value: number): number => Math.floor(value / 2);

/**
 * The history of a replay from pass 1's runs of order ids and of buyer ids (each sorted by id, then
 * decision order): merged, the records of one id come together in decision order, so the first of
 * them is new and each later one has seen the ones before it. Memory: one read buffer per run.
 * Progress: a phase for the ids (`ids`), one for the buyers (`buyers`), in records merged.
 */
export function readOrderHistory(
  runs: { ids: readonly RunFile[]; buyers: readonly RunFile[] },
  dir: string,
  progress: ProgressSink = SILENT,
): OrderHistory {
  const history = new OrderHistory();
  const merge = (phase: string, list: readonly RunFile[], visit: (line: number, rank: number) => void) => {
    progress.phase(
      phase,
      list.reduce((n, r) => n + r.records, 0),
    );
    const files = compactRuns(
      list.map((r) => r.file),
      dir,
      { compare: comparePayloadsFirst, name: `merged-${phase}` },
    );
    forEachRank(files, visit, progress);
    progress.done();
  };
  merge('ids', runs.ids, (line, rank) => {
    if (rank > 0) history.markSeen(line);
  });
  merge('buyers', runs.buyers, (line, rank) => {
    if (rank > 0) history.setEarlierBuyerOrders(line, rank);
  });
  return history;
}

/** Each record's line and its rank among the records of the same id (0 for the first). */
function forEachRank(
  files: readonly string[],
  visit: (line: number, rank: number) => void,
  progress: ProgressSink,
): void {
  const merger = new RunMerger(files, comparePayloadsFirst);
  let merged = 0;
  let previous = Buffer.alloc(64);
  let previousLength = -1;
  let rank = 0;
  for (let record = merger.next(); record; record = merger.next()) {
    const { payload } = record;
    const same =
      payload.byteLength === previousLength &&
      previous.compare(payload, 0, payload.byteLength, 0, previousLength) === 0;
    rank = same ? rank + 1 : 0;
    if (!same) {
      if (payload.byteLength > previous.length) previous = Buffer.alloc(2 * payload.byteLength);
      previous.set(payload);
      previousLength = payload.byteLength;
    }
    visit(record.line, rank);
    if (++merged % PROGRESS_EVERY === 0) progress.update(merged, merged);
  }
  progress.update(merged, merged);
}
