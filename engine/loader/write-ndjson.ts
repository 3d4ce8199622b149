import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How far a write has got, for a progress line; updated as orders are turned into text. */
export interface Progress {
  written: number;
}

// Lines are sent in batches: one write per order would cost more than making the order.
const CHUNK_CHARS = 64 * 1024;

/** NDJSON text in chunks of many lines, made only as fast as the reader takes them. */
export function* ndjsonChunks(orders: Iterable<unknown>, progress: Progress): Generator<string> {
  let chunk = '';
  for (const order of orders) {
    chunk += `${JSON.stringify(order)}\n`;
    progress.written++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Writes the orders as NDJSON, pausing whenever `out` is full (backpressure), so memory holds a chunk
 * or two whatever the count. Rejects with the stream's error (EPIPE when a reader such as `head` quits).
 */
export async function writeNdjson(
  orders: Iterable<unknown>,
  out: Writable,
  progress: Progress,
): Promise<void> {
  await pipeline(Readable.from(ndjsonChunks(orders, progress), { objectMode: false }), out);
}
