import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { RunFileWriter, WRITE_CHUNK_BYTES } from './run-file-writer.ts';
import { READ_CHUNK_BYTES, RunReader } from './run-reader.ts';
import { compareRecords, type RecordOrder, type RunRecord } from './run-record.ts';

/** More runs than this are merged in rounds, so open files stay bounded. */
export const MAX_FAN_IN = 128;
/**
 * The read buffers of one merge together, shared out among its runs (up to `READ_CHUNK_BYTES` each):
 * with a buffer of full size per run, a 1 M-order replay's 70 runs held 17 MB on the main thread
 * while the deciders held their peak state (issue 18).
 */
export const MERGE_READ_BYTES = 4 * 1024 * 1024;

/**
 * The second half of the external sort: a k-way merge of sorted runs through a binary heap of
 * their readers, giving every record in the order the runs were sorted by: (decision time, line)
 * unless told otherwise. Holds one read buffer per run, `MERGE_READ_BYTES` in all (a huge order
 * grows its run's).
 */
export class RunMerger {
  private readonly heap: RunReader[] = [];
  private started = false;

  constructor(
    files: readonly string[],
    private readonly compare: RecordOrder = compareRecords,
  ) {
    const chunkBytes = Math.min(READ_CHUNK_BYTES, Math.floor(MERGE_READ_BYTES / Math.max(1, files.length)));
    for (const file of files) {
      const reader = new RunReader(file, chunkBytes);
      if (reader.next()) {
        this.heap.push(reader);
        this.siftUp(this.heap.length - 1);
      }
    }
  }

  /** The next record, or undefined at the end; valid until the next call. */
  next(): RunRecord | undefined {
    // The record handed out last time is the top reader's current one: advance it only now.
    if (this.started && this.heap.length > 0) {
      if (this.heap[0]!.next()) this.siftDown(0);
      else this.removeTop();
    }
    this.started = true;
    return this.heap[0];
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.siftDown(0);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) >= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && this.compare(heap[left]!, heap[least]!) < 0) least = left;
      if (right < heap.length && this.compare(heap[right]!, heap[least]!) < 0) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}

/**
 * Merges runs in rounds of `fanIn` into longer runs until at most `fanIn` are left, deleting
 * the merged ones, so even a very long history merges with a bounded number of open files.
 */
export interface CompactOptions {
  fanIn?: number;
  /** The order the runs are sorted by; (decision time, line) by default. */
  compare?: RecordOrder;
  /** How the merged runs' files begin, so runs of different records share a folder. */
  name?: string;
}

export function compactRuns(
  files: readonly string[],
  dir: string,
  { fanIn = MAX_FAN_IN, compare = compareRecords, name = 'merged' }: CompactOptions = {},
): string[] {
  let runs = [...files];
  let round = 0;
  while (runs.length > fanIn) {
    const next: string[] = [];
    for (let i = 0; i < runs.length; i += fanIn) {
      const group = runs.slice(i, i + fanIn);
      if (group.length === 1) {
        next.push(group[0]!);
        continue;
      }
      const out = join(dir, `${name}-${round}-${next.length}.run`);
      mergeInto(group, out, compare);
      for (const file of group) unlinkSync(file);
      next.push(out);
    }
    runs = next;
    round++;
  }
  return runs;
}

function mergeInto(files: readonly string[], out: string, compare: RecordOrder): void {
  const merger = new RunMerger(files, compare);
  const writer = new RunFileWriter(out, Buffer.allocUnsafe(WRITE_CHUNK_BYTES));
  try {
    for (let record = merger.next(); record; record = merger.next())
      writer.write(record.key, record.line, record.payload);
  } finally {
    writer.close();
  }
}
