import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { parseDocument } from '../parse-document.ts';
import { ensureDir, fsyncDir, isTempFile, writeFileAtomic } from './atomic-file.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { GITIGNORE, layout } from './layout.ts';
import { NdjsonLog } from './ndjson-log.ts';
import { ReadOnlyGuard } from './read-only-guard.ts';
import { type LockOptions, WorkspaceLock } from './workspace-lock.ts';

const MISSING = Symbol('missing');

/**
 * A DATA_DIR opened for one server: it holds the lock, so documents can be cached in memory (no one
 * else writes them), and every write goes through here: validated, atomic, and serialised with
 * other writes to the same document by `exclusive`.
 */
export class Workspace {
  private readonly cache = new Map<string, unknown>();
  private readonly logs = new Map<string, NdjsonLog>();
  private readonly mutex = new KeyedMutex();

  /** Told of every document written or removed (the control server tells evaluators). */
  onChange: ((rel: string) => void) | undefined;

  private constructor(
    readonly dir: string,
    private readonly lock: Pick<WorkspaceLock, 'assertHeld' | 'verify' | 'release'>,
  ) {}

  /**
   * A workspace a control server holds, opened by an evaluator to read releases, strategies, keys and
   * plugins: no lock, no writes. Its documents are cached until `forget` (told by the control server).
   */
  static async openReadOnly(dataDir: string): Promise<Workspace> {
    const dir = resolve(dataDir);
    const guard = new ReadOnlyGuard(dir);
    await guard.verify();
    return new Workspace(dir, guard);
  }

  /** Drops every cached document: the next reads look at the disk. */
  forget(): void {
    this.cache.clear();
  }

  static async open(dataDir: string, lockOptions: LockOptions = {}): Promise<Workspace> {
    const dir = resolve(dataDir);
    await ensureDir(dir);
    const lock = await WorkspaceLock.acquire(dir, lockOptions);
    const workspace = new Workspace(dir, lock);
    try {
      await sweepTempFiles(dir);
      await workspace.writeIfMissing('.gitignore', GITIGNORE);
      await workspace.writeIfMissing(layout.workspace, `${JSON.stringify({ formatVersion: 1 }, null, 2)}\n`);
    } catch (error) {
      await lock.release();
      throw error;
    }
    return workspace;
  }

  private async writeIfMissing(rel: string, text: string): Promise<void> {
    try {
      await readFile(this.abs(rel));
    } catch {
      await writeFileAtomic(this.abs(rel), text);
    }
  }

  abs(rel: string): string {
    return join(this.dir, rel);
  }

  /** Runs `task` alone among tasks for the same key: a read-modify-write cannot lose a concurrent one. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(key, task);
  }

  /** The document at `rel`, validated; undefined when there is none. */
  async read<T>(rel: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const cached = this.cache.get(rel);
    if (cached === MISSING) return undefined;
    if (cached !== undefined) return cached as T;
    let text: string;
    try {
      text = await readFile(this.abs(rel), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.cache.set(rel, MISSING);
      return undefined;
    }
    const value = parseDocument(rel, text, schema);
    this.cache.set(rel, value);
    return value;
  }

  /** Validates and writes a document atomically, as indented JSON a person can read and diff. */
  async write<T>(rel: string, schema: z.ZodType<T>, value: T): Promise<T> {
    this.lock.assertHeld();
    const checked = schema.parse(value);
    const path = this.abs(rel);
    await ensureDir(join(path, '..'));
    try {
      await writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`);
    } finally {
      // Whether or not the rename happened, the next read must look at the disk.
      this.cache.delete(rel);
      this.onChange?.(rel);
    }
    this.cache.set(rel, checked);
    return checked;
  }

  async remove(rel: string): Promise<void> {
    this.lock.assertHeld();
    this.cache.delete(rel);
    await rm(this.abs(rel), { force: true });
    await fsyncDir(join(this.abs(rel), '..'));
    this.cache.set(rel, MISSING);
    this.onChange?.(rel);
  }

  /** Names in a folder, without hidden files (temp files among them); empty when it does not exist. */
  async list(rel: string): Promise<string[]> {
    try {
      const names = await readdir(this.abs(rel));
      return names.filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Fails unless DATA_DIR and this server's lock file in it are really there. */
  async ping(): Promise<void> {
    await this.lock.verify();
  }

  /** The append-only log at `rel`, one writer per file for the life of the workspace. */
  log(rel: string): NdjsonLog {
    this.lock.assertHeld();
    let log = this.logs.get(rel);
    if (!log) {
      log = new NdjsonLog(this.abs(rel));
      this.logs.set(rel, log);
    }
    return log;
  }

  /** Waits for a log's appends and closes it; a later append opens it again. */
  async closeLog(rel: string): Promise<void> {
    await this.logs.get(rel)?.close();
    this.logs.delete(rel);
  }

  /** Waits for a log's appends, then deletes the file; the next append starts a new one. */
  async dropLog(rel: string): Promise<void> {
    await this.closeLog(rel);
    await rm(this.abs(rel), { force: true });
    await fsyncDir(join(this.abs(rel), '..'));
  }

  async close(): Promise<void> {
    await Promise.all([...this.logs.values()].map((log) => log.close()));
    this.logs.clear();
    this.cache.clear();
    await this.lock.release();
  }

  /** Throws once another server took this workspace over (this one stalled past the lock's stale age). */
  assertHeld(): void {
    this.lock.assertHeld();
  }
}

/** Temp files of writes a crash interrupted: never renamed, so never acknowledged. Safe to delete under the lock. */
async function sweepTempFiles(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isFile() && isTempFile(entry.name))
      await rm(join(entry.parentPath, entry.name), { force: true });
  }
}
