import { createReadStream, type ReadStream, statSync } from 'node:fs';
import type { NdjsonBatch } from '../threads/messages.ts';
import type { OrderSource, SourceItem } from './order-source.ts';

const CHUNK_BYTES = 512 * 1024;
const NEWLINE = 0x0a;

/**
 * Splits an NDJSON file into batches of whole lines, as bytes: the main thread only looks for
 * newlines (and counts orders for --limit); workers decode and parse. Blank lines are not orders.
 */
export class NdjsonSource implements OrderSource {
  readonly totalBytes: number;
  bytesRead = 0;
  private readonly stream: ReadStream;

  constructor(
    file: string,
    private readonly limit: number | undefined,
  ) {
    this.totalBytes = statSync(file).size;
    this.stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  }

  close(): void {
    this.stream.destroy();
  }

  async *items(): AsyncGenerator<SourceItem> {
    let carry: Buffer = Buffer.alloc(0);
    let nextLine = 1;
    let orders = 0;
    const limit = this.limit ?? Number.POSITIVE_INFINITY;
    for await (const chunk of this.stream) {
      this.bytesRead += (chunk as Buffer).length;
      let data = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      if (nextLine === 1 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      let end = 0;
      let lines = 0;
      for (let nl = data.indexOf(NEWLINE); nl >= 0; nl = data.indexOf(NEWLINE, end)) {
        if (!isBlank(data, end, nl)) orders++;
        lines++;
        end = nl + 1;
        if (orders >= limit) break;
      }
      if (end > 0) yield batch(data.subarray(0, end), nextLine);
      if (orders >= limit) return;
      nextLine += lines;
      carry = data.subarray(end);
    }
    if (carry.length > 0 && !isBlank(carry, 0, carry.length)) yield batch(carry, nextLine);
  }
}

function batch(bytes: Buffer, firstLine: number): SourceItem {
  // A copy with its own ArrayBuffer, so it can be transferred to the worker without copying again.
  const own: NdjsonBatch = { kind: 'ndjson', bytes: new Uint8Array(bytes), firstLine };
  return { kind: 'batch', batch: own };
}

function isBlank(data: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = data[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
