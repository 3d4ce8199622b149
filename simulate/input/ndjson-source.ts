import { statSync } from 'node:fs';
import { InputError } from '../../engine/errors/index.ts';
import type { NdjsonBatch, PrepareBatch } from '../threads/messages.ts';
import { SharedBufferPool } from '../threads/shared-buffer-pool.ts';
import { type FileBytes, openFileBytes } from './file-bytes.ts';
import type { OrderSource, SourceItem } from './order-source.ts';

const CHUNK_BYTES = 512 * 1024;
const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;

/**
 * Splits an NDJSON file into batches of whole lines, as bytes: the main thread only looks for
 * newlines (and counts orders for --limit); workers decode and parse. Blank lines are not orders.
 * A gzip file is read gunzipped, its progress counted in the file's own bytes.
 *
 * The file is read into buffers in shared memory, which a worker reads in place and `recycle`
 * gives back once it has prepared the batch. A read stream took three blocks of ~512 KB a chunk
 * (its chunk, the chunk joined to the previous one's partial line, a copy to transfer), which
 * fragment glibc's arenas (threads/shared-buffer-pool.ts).
 */
export class NdjsonSource implements OrderSource {
  readonly totalBytes: number;
  private readonly bytes: FileBytes;
  private closed = false;
  private readonly pool = new SharedBufferPool(2 * CHUNK_BYTES);
  /** The partial line a buffer ends with, kept apart: the buffer itself goes to a worker. */
  private carry = Buffer.allocUnsafe(64 * 1024);
  private carried = 0;

  constructor(
    private readonly file: string,
    private readonly limit: number | undefined,
  ) {
    this.totalBytes = statSync(file).size;
    this.bytes = openFileBytes(file);
  }

  get bytesRead(): number {
    return this.bytes.fileBytesRead;
  }

  /** Stops reading; a read under way finishes first. */
  close(): void {
    this.closed = true;
    this.bytes.close();
  }

  recycle(batch: PrepareBatch): void {
    if (batch.kind !== 'ndjson') return;
    this.pool.give(batch.bytes);
  }

  async *items(): AsyncGenerator<SourceItem> {
    let nextLine = 1;
    let orders = 0;
    const limit = this.limit ?? Number.POSITIVE_INFINITY;
    for (;;) {
      // Closed: the run is over, and a partial line left over is not a last line.
      if (this.closed) return;
      const buffer = this.pool.take(this.carried + CHUNK_BYTES);
      this.carry.copy(buffer, 0, 0, this.carried);
      const bytes = await this.bytes.read(buffer, this.carried, CHUNK_BYTES);
      if (bytes === 0) {
        this.pool.give(buffer);
        if (this.closed) return;
        break;
      }
      let data = buffer.subarray(0, this.carried + bytes);
      if (nextLine === 1) {
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
        if (data[firstNonBlank(data)] === OPEN_BRACKET) throw jsonArray(this.file);
      }
      let end = 0;
      let lines = 0;
      for (let nl = data.indexOf(NEWLINE); nl >= 0; nl = data.indexOf(NEWLINE, end)) {
        if (!isBlank(data, end, nl)) orders++;
        lines++;
        end = nl + 1;
        if (orders >= limit) break;
      }
      this.keepCarry(data.subarray(end));
      if (end > 0) yield batch(data.subarray(0, end), nextLine);
      else this.pool.give(buffer);
      if (orders >= limit) return;
      nextLine += lines;
    }
    if (this.carried > 0 && !isBlank(this.carry, 0, this.carried)) {
      yield batch(new Uint8Array(this.carry.subarray(0, this.carried)), nextLine);
    }
  }

  private keepCarry(rest: Buffer): void {
    if (rest.length > this.carry.length) this.carry = Buffer.allocUnsafe(2 * rest.length);
    rest.copy(this.carry);
    this.carried = rest.length;
  }
}

function batch(bytes: Uint8Array, firstLine: number): SourceItem {
  const own: NdjsonBatch = { kind: 'ndjson', bytes, firstLine };
  return { kind: 'batch', batch: own };
}

/** Where the first byte that is not white space is: the data's length when there is none. */
function firstNonBlank(data: Uint8Array): number {
  let i = 0;
  while (i < data.length && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0d || data[i] === NEWLINE))
    i++;
  return i;
}

/** A JSON array of orders (an export's other common shape) is one document, not a line per order. */
function jsonArray(file: string): InputError {
  return new InputError(
    'json_array',
    `${file} is a JSON array, not NDJSON (one order per line): write it one order a line, e.g. jq -c '.[]' < ${file} > orders.ndjson`,
    { field: file, line: 1 },
  );
}

function isBlank(data: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = data[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
