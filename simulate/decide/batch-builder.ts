import type { OrderHistory } from '../history/order-history.ts';
import { HEADER_BYTES, type RunRecord, writeHeader } from '../sort/run-record.ts';
import { SharedBufferPool } from '../threads/shared-buffer-pool.ts';

/** About this many orders per batch: a few tens of milliseconds of deciding, so replies flow steadily. */
const ORDERS_PER_BATCH = 256;
const INITIAL_BYTES = 512 * 1024;

/**
 * A batch of merged orders for the deciders: the records' bytes, each one's value in the order
 * history, and their keys and lines for the diff.
 */
export interface DecideBatch {
  bytes: Uint8Array;
  history: Uint32Array;
  keys: number[];
  lines: number[];
}

/**
 * Copies merged records (the merge reuses its buffers) into batch buffers in shared memory, which
 * both deciders read in place, taken back once a batch is settled: a buffer per batch in flight.
 */
export class BatchBuilder {
  private readonly pool = new SharedBufferPool(INITIAL_BYTES);
  private buffer = this.pool.take();
  private used = 0;
  private keys: number[] = [];
  private lines: number[] = [];

  constructor(private readonly history: OrderHistory) {}

  add(record: RunRecord): void {
    const size = HEADER_BYTES + record.payload.byteLength;
    if (this.used + size > this.buffer.length) {
      const bigger = this.pool.take(Math.max(2 * this.buffer.length, this.used + size));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.pool.give(this.buffer);
      this.buffer = bigger;
    }
    writeHeader(this.buffer, this.used, record.key, record.line, record.payload.byteLength);
    this.buffer.set(record.payload, this.used + HEADER_BYTES);
    this.used += size;
    this.keys.push(record.key);
    this.lines.push(record.line);
  }

  get full(): boolean {
    return this.keys.length >= ORDERS_PER_BATCH;
  }

  get empty(): boolean {
    return this.keys.length === 0;
  }

  /** The batch so far, in shared memory that is its own until `recycle`, and a fresh start. */
  take(): DecideBatch {
    const batch = {
      bytes: new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.used),
      history: Uint32Array.from(this.lines, (line) => this.history.at(line)),
      keys: this.keys,
      lines: this.lines,
    };
    this.buffer = this.pool.take();
    this.used = 0;
    this.keys = [];
    this.lines = [];
    return batch;
  }

  /** Takes a settled batch's memory back for a later batch: no thread reads it any more. */
  recycle(batch: DecideBatch): void {
    this.pool.give(batch.bytes);
  }
}
