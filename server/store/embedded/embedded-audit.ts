import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { CorruptDocumentError } from '../errors.ts';
import { type DecisionRecord, DecisionRecordSchema } from '../records.ts';
import type { AuditStore } from '../store.ts';
import { layout } from './layout.ts';
import { readNdjson } from './ndjson-log.ts';
import type { Workspace } from './workspace.ts';

/** Where one decision's line is: its day file, byte offset and byte length (newline included). */
const IndexEntrySchema = z.object({ o: z.string(), d: z.string(), p: z.number().int(), n: z.number().int() });
type IndexEntry = z.infer<typeof IndexEntrySchema>;

/** Every audit line before `offset` in day `day`, and in every earlier day, is in its client's index. */
const CheckpointSchema = z.object({ day: z.string(), offset: z.number().int().min(0) });
type Checkpoint = z.infer<typeof CheckpointSchema>;

/** How often (at most) appends move the checkpoint on: a crash leaves at most this much log to re-check. */
const CHECKPOINT_EVERY_MS = 30_000;

const dayOf = (name: string) => name.slice(0, -'.ndjson'.length);

/**
 * `audit/<yyyy-mm-dd>.ndjson` (UTC days): one line per decision, appended and synced before the answer goes
 * out. `audit-index/<clientId>.ndjson` says where each of a client's decisions is (day, byte offset,
 * length): it is read once into a Map at the client's first lookup or write, and appended after each
 * write, so a lookup by order id reads the index entries and then only the lines it names. A workspace
 * from before the index gets it built at that first use, by one scan of the day files for the client.
 *
 * A line is synced before its index entry is written, so a crash between the two leaves a decided order
 * the index does not know (its OMS retry would be decided again). `audit-index/_checked.json` says up to
 * where every line is known to be indexed; it moves on every 30 s of writes and at close, and the first
 * use after a start indexes whatever complete lines lie past it: at most 30 s of log after a crash,
 * nothing after a clean stop.
 */
export class EmbeddedAudit implements AuditStore {
  /** Days whose log is open; only the newest stays open, so a server up for months does not hold a file per day. */
  private readonly openDays = new Set<string>();
  /** Per client: order id → where its decisions are, oldest first. */
  private readonly indexes = new Map<string, Promise<Map<string, IndexEntry[]>>>();
  /** Bytes read from day files by lookups (and by building an index): lets tests tell a lookup from a scan. */
  bytesRead = 0;
  /** Lines found past the checkpoint with no index entry, and indexed, at this start. */
  recoveredLines = 0;
  private recovered: Promise<void> | undefined;
  private appending = 0;
  private failed = false;
  /** The end of the newest line written by an append. */
  private written: Checkpoint | undefined;
  /** Up to where every line has its index entry: `written`, taken when no append is in flight. */
  private indexedTo: Checkpoint | undefined;
  private checkpointAt = performance.now();

  constructor(private readonly ws: Workspace) {}

  async append(records: readonly DecisionRecord[]): Promise<void> {
    await this.recover();
    this.appending++;
    try {
      await this.appendIndexed(records);
    } catch (error) {
      // Its lines may be on disk without index entries: the checkpoint stays where it is, for the next start.
      this.failed = true;
      throw error;
    } finally {
      this.appending--;
    }
    // With no append in flight, every line written so far has its index entry.
    if (this.appending === 0 && this.written && !this.failed) this.indexedTo = this.written;
    if (this.appending === 0 && performance.now() - this.checkpointAt >= CHECKPOINT_EVERY_MS) {
      await this.checkpoint();
    }
  }

  /** Writes the checkpoint at the end of what is indexed; called by the store's close, after the last append. */
  async close(): Promise<void> {
    if (this.recovered && this.appending === 0) await this.checkpoint();
  }

  private async checkpoint(): Promise<void> {
    this.checkpointAt = performance.now();
    if (this.indexedTo) await this.ws.write(layout.auditChecked, CheckpointSchema, this.indexedTo);
  }

  private async appendIndexed(records: readonly DecisionRecord[]): Promise<void> {
    const byDay = new Map<string, DecisionRecord[]>();
    const clients = new Set<string>();
    for (const record of records) {
      const checked = DecisionRecordSchema.parse(record);
      const day = new Date(checked.at).toISOString().slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), checked]);
      clients.add(checked.clientId);
    }
    // Indexes are loaded (or built) before the lines they will point at exist, so none is missed or doubled.
    const indexes = new Map(
      await Promise.all([...clients].map(async (c) => [c, await this.index(c)] as const)),
    );
    const written = await Promise.all(
      [...byDay].map(async ([day, dayRecords]) => {
        this.openDays.add(day);
        const lines = dayRecords.map((record) => `${JSON.stringify(record)}\n`);
        const offsets = await this.ws.log(layout.auditDay(day)).append(dayRecords);
        return dayRecords.map((record, i) => ({
          clientId: record.clientId,
          entry: {
            o: record.orderId,
            d: day,
            p: offsets[i] ?? 0,
            n: Buffer.byteLength(lines[i] ?? '', 'utf8'),
          },
        }));
      }),
    );
    const byClient = new Map<string, IndexEntry[]>();
    for (const { clientId, entry } of written.flat()) {
      const list = byClient.get(clientId);
      if (list) list.push(entry);
      else byClient.set(clientId, [entry]);
    }
    await Promise.all(
      [...byClient].map(async ([clientId, entries]) => {
        await this.ws.log(layout.auditIndex(clientId)).append(entries);
        const index = indexes.get(clientId);
        if (index) for (const entry of entries) add(index, entry);
      }),
    );
    for (const { entry } of written.flat()) {
      const end = { day: entry.d, offset: entry.p + entry.n };
      if (!this.written || compareCheckpoints(end, this.written) > 0) this.written = end;
    }
    const newest = [...this.openDays].sort().at(-1);
    for (const day of [...this.openDays].filter((d) => d !== newest)) {
      this.openDays.delete(day);
      await this.ws.closeLog(layout.auditDay(day));
    }
  }

  async findByOrder(clientId: string, orderId: string): Promise<DecisionRecord[]> {
    await this.recover();
    const entries = (await this.index(clientId)).get(orderId) ?? [];
    const found: DecisionRecord[] = [];
    for (const entry of entries) {
      const path = this.ws.abs(layout.auditDay(entry.d));
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(entry.n);
        const { bytesRead } = await handle.read(buffer, 0, entry.n, entry.p);
        this.bytesRead += bytesRead;
        let value: unknown;
        try {
          value = JSON.parse(buffer.subarray(0, bytesRead).toString('utf8'));
        } catch (error) {
          throw new CorruptDocumentError(
            path,
            `index points at no line at byte ${entry.p}: ${(error as Error).message}`,
          );
        }
        const record = DecisionRecordSchema.parse(value);
        if (record.clientId === clientId && record.orderId === orderId) found.push(record);
      } finally {
        await handle.close();
      }
    }
    return found;
  }

  private recover(): Promise<void> {
    if (!this.recovered) {
      this.recovered = this.indexPastCheckpoint();
      this.recovered.catch(() => {
        this.recovered = undefined; // tried again at the next use
      });
    }
    return this.recovered;
  }

  /** Indexes the complete lines past the checkpoint that have no entry (written just before a crash). */
  private async indexPastCheckpoint(): Promise<void> {
    const days = (await this.ws.list(layout.audit)).filter((n) => n.endsWith('.ndjson')).map(dayOf);
    const newest = days.at(-1);
    if (newest === undefined) return;
    const checked = await this.ws.read(layout.auditChecked, CheckpointSchema);
    if (!checked) {
      // A workspace from before checkpoints: its indexes are taken as they are, from here on.
      this.indexedTo = { day: newest, offset: await fileSize(this.ws.abs(layout.auditDay(newest))) };
      await this.checkpoint();
      return;
    }
    const missing = new Map<string, IndexEntry[]>();
    let end: Checkpoint = checked;
    for (const day of days.filter((d) => d >= checked.day)) {
      const start = day === checked.day ? checked.offset : 0;
      await scanLines(
        this.ws.abs(layout.auditDay(day)),
        (line, offset) => {
          end = { day, offset: offset + line.length };
          const { clientId, orderId } = parseLine(line);
          if (typeof clientId !== 'string' || typeof orderId !== 'string') return;
          const list = missing.get(clientId) ?? [];
          list.push({ o: orderId, d: day, p: offset, n: line.length });
          missing.set(clientId, list);
        },
        start,
      );
    }
    for (const [clientId, entries] of missing) {
      const index = await this.index(clientId);
      const unknown = entries.filter(
        (e) => !index.get(e.o)?.some((known) => known.d === e.d && known.p === e.p),
      );
      if (unknown.length === 0) continue;
      await this.ws.log(layout.auditIndex(clientId)).append(unknown);
      for (const entry of unknown) add(index, entry);
      this.recoveredLines += unknown.length;
    }
    this.indexedTo = end;
    await this.checkpoint();
  }

  private index(clientId: string): Promise<Map<string, IndexEntry[]>> {
    let index = this.indexes.get(clientId);
    if (!index) {
      index = this.loadIndex(clientId);
      index.catch(() => this.indexes.delete(clientId)); // tried again next time
      this.indexes.set(clientId, index);
    }
    return index;
  }

  private async loadIndex(clientId: string): Promise<Map<string, IndexEntry[]>> {
    const rel = layout.auditIndex(clientId);
    const index = new Map<string, IndexEntry[]>();
    const known = (await this.ws.list('audit-index')).includes(`${clientId}.ndjson`);
    if (known) {
      for (const entry of await readNdjson(this.ws.abs(rel), (v) => IndexEntrySchema.parse(v)))
        add(index, entry);
      return index;
    }
    // No index yet: find this client's lines in the day files (older lines may have the full decision shape).
    const prefix = Buffer.from(`{"clientId":${JSON.stringify(clientId)},`, 'utf8');
    const entries: IndexEntry[] = [];
    for (const name of (await this.ws.list(layout.audit)).filter((n) => n.endsWith('.ndjson'))) {
      const day = dayOf(name);
      await scanLines(this.ws.abs(`${layout.audit}/${name}`), (line, offset) => {
        this.bytesRead += line.length;
        if (!line.subarray(0, prefix.length).equals(prefix)) return;
        const orderId = (JSON.parse(line.toString('utf8')) as { orderId?: unknown }).orderId;
        if (typeof orderId === 'string') entries.push({ o: orderId, d: day, p: offset, n: line.length });
      });
    }
    // Persisted, so the next start reads it instead of scanning (none found: the first write creates it).
    await this.ws.log(rel).append(entries);
    for (const entry of entries) add(index, entry);
    return index;
  }
}

function add(index: Map<string, IndexEntry[]>, entry: IndexEntry): void {
  const list = index.get(entry.o);
  if (!list) index.set(entry.o, [entry]);
  else if (!list.some((e) => e.d === entry.d && e.p === entry.p)) list.push(entry);
}

/** A line's client and order ids; none for a line that is not JSON (found by lookups, not by recovery). */
function parseLine(line: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return a.day === b.day ? a.offset - b.offset : a.day < b.day ? -1 : 1;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/**
 * Calls `take` with every complete line (newline included) from byte `start` on, and its byte offset;
 * a missing file has none, a torn last line is not one.
 */
async function scanLines(
  path: string,
  take: (line: Buffer, offset: number) => void,
  start = 0,
): Promise<void> {
  let rest = Buffer.alloc(0);
  let offset = start;
  try {
    for await (const chunk of createReadStream(path, { start })) {
      let data = Buffer.concat([rest, chunk as Buffer]);
      let newline = data.indexOf(0x0a);
      while (newline >= 0) {
        const line = data.subarray(0, newline + 1);
        take(line, offset);
        offset += line.length;
        data = data.subarray(newline + 1);
        newline = data.indexOf(0x0a);
      }
      rest = Buffer.from(data);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
}
