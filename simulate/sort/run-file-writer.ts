import { closeSync, openSync, writeSync } from 'node:fs';
import { HEADER_BYTES, writeHeader } from './run-record.ts';

/** The chunk a run file is written through; a record larger than it is written straight from its payload. */
export const WRITE_CHUNK_BYTES = 1024 * 1024;

/**
 * Writes records to a new run file through one chunk of memory, so writing a run costs the chunk,
 * not a second copy of the run (issue 18: each prepare worker kept a 16 MB copy of its last run
 * for the next one, and 4 MB for each of its history runs). The chunk is the caller's, to reuse
 * for the next file once this one is closed.
 */
export class RunFileWriter {
  private readonly fd: number;
  private used = 0;

  constructor(
    file: string,
    private readonly chunk: Buffer,
  ) {
    this.fd = openSync(file, 'w');
  }

  write(key: number, line: number, payload: Uint8Array): void {
    const size = HEADER_BYTES + payload.byteLength;
    if (this.used + size > this.chunk.length) this.drain();
    writeHeader(this.chunk, this.used, key, line, payload.byteLength);
    if (size <= this.chunk.length) {
      this.chunk.set(payload, this.used + HEADER_BYTES);
      this.used += size;
    } else {
      this.used += HEADER_BYTES;
      this.drain();
      writeFully(this.fd, payload);
    }
  }

  /** Writes what is left in the chunk and closes the file; the file is closed even if that fails. */
  close(): void {
    try {
      this.drain();
    } finally {
      closeSync(this.fd);
    }
  }

  private drain(): void {
    writeFully(this.fd, this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}

function writeFully(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at, bytes.byteLength - at);
}
