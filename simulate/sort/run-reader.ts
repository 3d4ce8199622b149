import { closeSync, openSync, readSync } from 'node:fs';
import { HEADER_BYTES } from './run-record.ts';

/** A reader's buffer unless told otherwise. */
export const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Reads a run file one record at a time through a small buffer, so a merge of many runs holds
 * a chunk of each, not the runs. The current record's payload is valid until `next()`.
 */
export class RunReader {
  key = 0;
  line = 0;
  payload: Uint8Array = new Uint8Array(0);
  private readonly fd: number;
  private buffer: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;
  private closed = false;

  constructor(
    readonly file: string,
    chunkBytes = READ_CHUNK_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
    this.fd = openSync(file, 'r');
  }

  /** Moves to the next record; false, and the file closed, at the end. */
  next(): boolean {
    if (!this.ensure(HEADER_BYTES)) return this.close();
    const length = this.buffer.readUInt32LE(this.start + 12);
    if (!this.ensure(HEADER_BYTES + length)) {
      this.close();
      throw new Error(`${this.file} ends inside a record: the run file is truncated`);
    }
    this.key = this.buffer.readDoubleLE(this.start);
    this.line = this.buffer.readUInt32LE(this.start + 8);
    this.payload = this.buffer.subarray(this.start + HEADER_BYTES, this.start + HEADER_BYTES + length);
    this.start += HEADER_BYTES + length;
    return true;
  }

  /** Makes `bytes` unread bytes available from `start`, refilling (and growing for a huge order). */
  private ensure(bytes: number): boolean {
    if (this.end - this.start >= bytes) return true;
    if (this.eof) return false;
    if (bytes > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(bytes, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, this.start, this.end);
      this.buffer = bigger;
    } else {
      this.buffer.copy(this.buffer, 0, this.start, this.end);
    }
    this.end -= this.start;
    this.start = 0;
    while (this.end < this.buffer.length) {
      const n = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, null);
      if (n === 0) {
        this.eof = true;
        break;
      }
      this.end += n;
    }
    return this.end - this.start >= bytes;
  }

  private close(): false {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
    this.eof = true;
    return false;
  }
}
