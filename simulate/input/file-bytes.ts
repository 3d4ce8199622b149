import { closeSync, createReadStream, openSync, type ReadStream, read, readSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, type Gunzip } from 'node:zlib';
import { InputError } from '../../engine/errors/index.ts';

/**
 * Compressed bytes read at a time, and the size of the chunks zlib writes: a 512 KB batch is filled
 * from two or three chunks rather than thirty-two of zlib's default 16 KB.
 */
const GZIP_READ_BYTES = 256 * 1024;
const GUNZIP_CHUNK_BYTES = 256 * 1024;

/** Whether the file starts with gzip's magic number (1f 8b): a history exported as `.ndjson.gz` or `.csv.gz`. */
export function isGzipFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** What zlib's failure on a gzip file tells its reader: the file is cut short or damaged. */
export function notWholeGzip(file: string, error: unknown): InputError {
  const why = error instanceof Error ? error.message : String(error);
  return new InputError('file_unreadable', `cannot read ${file}: not a whole gzip file (${why})`, {
    field: file,
  });
}

/** A file's bytes in order, as stored or gunzipped, read into buffers the caller owns. */
export interface FileBytes {
  /** How much of the file itself has been read: what progress measures against its size. */
  readonly fileBytesRead: number;
  /** Up to `length` bytes into `buffer` at `offset`; 0 at the end, and once closed. */
  read(buffer: Buffer, offset: number, length: number): Promise<number>;
  /** Stops reading; a read under way finishes first. */
  close(): void;
}

/** The file's bytes: gunzipped when it is gzip (whatever its name), else as they are. */
export function openFileBytes(file: string): FileBytes {
  return isGzipFile(file) ? new GunzippedBytes(file) : new StoredBytes(file);
}

class StoredBytes implements FileBytes {
  fileBytesRead = 0;
  private fd: number | undefined;
  private reading: Promise<number> | undefined;

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  async read(buffer: Buffer, offset: number, length: number): Promise<number> {
    const fd = this.fd;
    if (fd === undefined) return 0;
    this.reading = new Promise((resolve, reject) =>
      read(fd, buffer, offset, length, null, (error, bytes) => (error ? reject(error) : resolve(bytes))),
    );
    try {
      const bytes = await this.reading;
      this.fileBytesRead += bytes;
      return bytes;
    } finally {
      this.reading = undefined;
    }
  }

  /** The descriptor is closed after a read under way, so that read never reads a file that took it over. */
  close(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    if (this.reading) void this.reading.finally(() => closeSync(fd)).catch(() => undefined);
    else closeSync(fd);
  }
}

/**
 * A gzip file's content, through zlib as it streams (a day's export is several GB unpacked):
 * concatenated members are read one after another, as `gunzip` does. A file that is not a whole
 * gzip stream (cut short by a download, or damaged) is an input error naming it.
 */
class GunzippedBytes implements FileBytes {
  private readonly input: ReadStream;
  private readonly gunzip: Gunzip;
  private readonly chunks: AsyncIterator<Buffer>;
  /** The chunk zlib gave last and how much of it is handed out. */
  private chunk: Buffer | undefined;
  private used = 0;
  private closed = false;

  constructor(private readonly file: string) {
    this.input = createReadStream(file, { highWaterMark: GZIP_READ_BYTES });
    this.gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
    // The reader sees a failure of either stream through the gunzip stream's iterator.
    pipeline(this.input, this.gunzip).catch(() => undefined);
    this.chunks = this.gunzip[Symbol.asyncIterator]();
  }

  get fileBytesRead(): number {
    return this.input.bytesRead;
  }

  async read(buffer: Buffer, offset: number, length: number): Promise<number> {
    let filled = 0;
    while (filled < length && !this.closed) {
      if (this.chunk === undefined || this.used === this.chunk.length) {
        const next = await this.nextChunk();
        if (next === undefined) break;
        this.chunk = next;
        this.used = 0;
      }
      const copied = this.chunk.copy(buffer, offset + filled, this.used, this.used + length - filled);
      this.used += copied;
      filled += copied;
    }
    return filled;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.gunzip.destroy();
    this.input.destroy();
  }

  private async nextChunk(): Promise<Buffer | undefined> {
    try {
      const next = await this.chunks.next();
      return next.done ? undefined : next.value;
    } catch (error) {
      if (this.closed) return undefined;
      throw notWholeGzip(this.file, error);
    }
  }
}
