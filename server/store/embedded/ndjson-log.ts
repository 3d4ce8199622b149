import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CorruptDocumentError, WorkspaceMissingError } from '../errors.ts';
import { ensureDir, fsyncDir } from './atomic-file.ts';

interface PendingAppend {
  text: string;
  /** Byte length of each line in `text`, so the flush can tell each line's offset. */
  sizes: number[];
  resolve: (offsets: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * An append-only log of JSON lines. Every append is durable (fdatasync) before its promise
 * resolves; appends that arrive while a sync is running are written and synced together (group
 * commit), so durability does not cost one fsync per record under load. A crash can tear only the
 * last line: readers ignore it, and the next writer cuts it off before appending.
 */
export class NdjsonLog {
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | undefined;
  private handle: FileHandle | undefined;
  /** The file's size, i.e. where the next line starts, while it is open. */
  private size = 0;

  constructor(readonly path: string) {}

  /** Appends values in order; the promise resolves, with each line's byte offset, once they are on disk. */
  append(values: readonly unknown[]): Promise<number[]> {
    if (values.length === 0) return Promise.resolve([]);
    const lines = values.map((value) => `${JSON.stringify(value)}\n`);
    const sizes = lines.map((line) => Buffer.byteLength(line, 'utf8'));
    const text = lines.join('');
    return new Promise((resolve, reject) => {
      // Queued synchronously: lines land in the order append() was called.
      this.pending.push({ text, sizes, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      // An append that arrived after the loop's last check still needs a flush.
      if (this.pending.length > 0) this.kick();
    });
  }

  /** Writes and syncs whatever is queued, batch after batch; failures reject their batch, never this. */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        const handle = await this.open();
        // A file unlinked under an open handle (DATA_DIR deleted) would swallow the lines: refuse instead.
        if ((await handle.stat()).nlink === 0) {
          throw new WorkspaceMissingError(dirname(this.path), `${this.path} was deleted while open`);
        }
        const text = batch.map((entry) => entry.text).join('');
        await handle.appendFile(text, 'utf8');
        await handle.datasync();
        let at = this.size;
        this.size += Buffer.byteLength(text, 'utf8');
        for (const entry of batch) {
          const offsets = entry.sizes.map((size) => {
            const offset = at;
            at += size;
            return offset;
          });
          entry.resolve(offsets);
        }
      } catch (error) {
        // A failed write may have left part of a line: reopen (and so repair) before the next one.
        await this.closeHandle();
        for (const entry of batch) entry.reject(error);
      }
    }
  }

  private async open(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await ensureDir(dirname(this.path));
    await cutTornTail(this.path);
    const handle = await open(this.path, 'a', 0o644);
    await fsyncDir(dirname(this.path));
    this.size = (await handle.stat()).size;
    this.handle = handle;
    return handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  /** Waits for queued appends, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.closeHandle();
  }
}

/** Truncates a log after its last newline: what follows is a line a crash cut short. */
async function cutTornTail(path: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    let end = size;
    const chunk = Buffer.alloc(4096);
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        end = start + newline + 1;
        break;
      }
      end = start;
    }
    if (end < size) {
      await handle.truncate(end);
      await handle.sync();
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads every complete line of a log, oldest first, skipping lines `keep` rejects before they are
 * parsed (a cheap text filter). A missing file is an empty log; a line cut short by a crash is
 * ignored; any other line that is not JSON is corruption, reported with its line number.
 */
export async function readNdjson<T>(
  path: string,
  parse: (value: unknown) => T,
  keep: (line: string) => boolean = () => true,
): Promise<T[]> {
  const out: T[] = [];
  let rest = '';
  let lineNumber = 0;
  const take = (line: string) => {
    lineNumber++;
    if (line === '' || !keep(line)) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new CorruptDocumentError(path, (error as Error).message, lineNumber);
    }
    out.push(parse(value));
  };
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) take(line);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // `rest` is a line with no newline after it: torn by a crash, never acknowledged.
  return out;
}
