import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Request } from 'express';
import type { HistoryRecord } from '../../api/schemas/simulations.ts';
import { InputError } from '../../engine/errors/index.ts';
import { adapterPlatform } from '../../engine/order/adapters/platforms.ts';
import { parseCsvMapping } from '../../simulate/input/csv-mapping.ts';
import { JobThread } from '../../simulate/jobs/job-thread.ts';
import type { ScanTask } from '../../simulate/jobs/messages.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';

/** The media types a history may come as, and which reader each means. */
const FORMATS: Record<string, 'csv' | 'ndjson'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};
export const HISTORY_MEDIA_TYPES = Object.keys(FORMATS);

/** A reading upload's progress is written at most this often. */
const PERSIST_EVERY_MS = 1000;

export interface UploadOptions {
  store: Store;
  logger: Logger;
  maxBytes: number;
  /** Up to this size the upload is read before the answer; bigger ones are read after a 202. */
  syncReadBytes: number;
  scratchDir: string;
}

export interface UploadQuery {
  name: string;
  mapping?: string | undefined;
  platform?: string | undefined;
}

/**
 * Takes a history upload: checks what it is before reading a byte (media type, encoding, mapping),
 * streams it (gunzipped) into the store under a byte limit, then reads it through the simulation's
 * own readers in a thread of its own to count its orders and list the rows that cannot be read.
 */
export class HistoryUploads {
  /** Histories being read now, so a server that stops can stop reading them. */
  private readonly reading = new Set<JobThread>();

  constructor(private readonly options: UploadOptions) {}

  /** Stops the reads in progress; their histories stay `reading` until the next start marks them failed. */
  async close(): Promise<void> {
    await Promise.all([...this.reading].map((thread) => thread.cancel()));
  }

  async upload(request: Request, clientId: string, query: UploadQuery, by: string): Promise<HistoryRecord> {
    const { store } = this.options;
    const mediaType = (request.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const format = FORMATS[mediaType];
    if (!format) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `a history is CSV (text/csv) or NDJSON (application/x-ndjson), not ${mediaType || 'a body without a content type'}`,
      );
    }
    const encoding = (request.get('content-encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      throw new ApiError(415, 'unsupported_encoding', `send the history as is or gzipped, not ${encoding}`);
    }
    const mapping = await this.mappingFor(clientId, format, query);
    if (format === 'csv' && query.platform) {
      throw new ApiError(
        400,
        'platform_with_mapping',
        "platform is for NDJSON; a CSV's platform comes from its mapping",
      );
    }
    const historyId = `h-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const limit = new ByteLimit(this.options.maxBytes, format);
    // `pipe` does not pass errors on: a dropped upload or a bad gzip stream must fail the store's write.
    request.on('error', (e) => limit.destroy(e));
    // Bytes flow before the store starts its write: an error then is kept by the stream (`errored`),
    // and the store's pipeline reports it; this listener only keeps it from being uncaught meanwhile.
    limit.on('error', () => undefined);
    if (encoding === 'gzip') {
      const gunzip = createGunzip();
      gunzip.on('error', (e) => limit.destroy(e));
      request.pipe(gunzip).pipe(limit);
    } else request.pipe(limit);
    let bytes: number;
    try {
      bytes = await store.histories.writeFile(clientId, historyId, limit);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        throw new ApiError(400, 'invalid_gzip', 'the body says Content-Encoding: gzip but is not gzip');
      }
      throw error;
    }
    const record = await store.histories.put({
      clientId,
      historyId,
      name: query.name,
      format,
      mappingId: query.mapping ?? null,
      mapping: mapping ?? null,
      platform: query.platform ?? null,
      bytes,
      status: 'reading',
      progress: 0,
      rows: 0,
      skipped: [],
      skippedTotal: 0,
      createdAt: new Date().toISOString(),
      createdBy: by,
    });
    const read = this.read(record);
    if (bytes <= this.options.syncReadBytes) return read;
    read.catch((error: unknown) =>
      this.options.logger.error('reading a history failed', {
        clientId,
        historyId,
        error: (error as Error).stack,
      }),
    );
    return record;
  }

  /** The mapping a CSV needs (its document, checked), or undefined for NDJSON. */
  private async mappingFor(
    clientId: string,
    format: 'csv' | 'ndjson',
    query: UploadQuery,
  ): Promise<Record<string, unknown> | undefined> {
    if (format === 'ndjson') {
      if (query.mapping)
        throw new ApiError(
          400,
          'mapping_with_ndjson',
          'a mapping is for CSV histories; NDJSON orders map themselves',
        );
      return undefined;
    }
    if (!query.mapping) {
      throw new ApiError(
        400,
        'mapping_required',
        'a CSV history needs ?mapping=<mappingId>: PUT the mapping first',
      );
    }
    const record = await this.options.store.mappings.get(clientId, query.mapping);
    if (!record)
      throw new ApiError(
        422,
        'mapping_not_found',
        `mapping "${query.mapping}" does not exist for client "${clientId}"`,
      );
    parseCsvMapping(record.mapping, `mapping "${query.mapping}"`);
    return record.mapping;
  }

  /**
   * Counts the history's orders in a job thread. A file the readers refuse as a whole (a CSV header
   * without a mapped column) is deleted and refused: 422 when read before the answer, `failed` after.
   */
  private async read(record: HistoryRecord): Promise<HistoryRecord> {
    const { store } = this.options;
    const scratch = await mkdtemp(join(this.options.scratchDir, `ordergraph-${record.historyId}-`));
    try {
      const orders = await store.histories.localFile(record.clientId, record.historyId, scratch);
      const task: ScanTask = { role: 'scan', orders };
      if (record.mapping) {
        task.mapping = join(scratch, 'mapping.json');
        await writeFile(task.mapping, JSON.stringify(record.mapping));
      }
      const platform = record.platform ? adapterPlatform(record.platform) : undefined;
      if (platform) task.platform = platform;
      let current = record;
      let lastWrite = Date.now();
      let writes: Promise<unknown> = Promise.resolve();
      const thread = new JobThread(task, (p) => {
        if (Date.now() - lastWrite < PERSIST_EVERY_MS) return;
        lastWrite = Date.now();
        current = { ...current, progress: Math.min(0.99, p.progress), rows: p.orders };
        const snapshot = current;
        writes = writes.then(() => store.histories.put(snapshot));
      });
      this.reading.add(thread);
      const outcome = await thread.outcome.finally(() => this.reading.delete(thread));
      await writes;
      if (outcome.type === 'cancelled') return current;
      if (outcome.type === 'scanned') {
        return store.histories.put({
          ...record,
          status: 'ready',
          progress: 1,
          rows: outcome.rows,
          skipped: outcome.skipped,
          skippedTotal: outcome.skippedTotal,
        });
      }
      const message =
        outcome.type === 'refused' || outcome.type === 'failed' ? outcome.message : 'the read stopped';
      if (record.bytes <= this.options.syncReadBytes) {
        await store.histories.delete(record.clientId, record.historyId);
        throw new ApiError(
          422,
          outcome.type === 'refused' ? outcome.code : 'history_unreadable',
          `${record.name} cannot be read: ${message}`,
        );
      }
      return store.histories.put({ ...record, status: 'failed', error: message });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

/**
 * Counts bytes as they stream past, refusing the upload past the limit (413, naming it), and looks
 * at the first bytes: NDJSON starts with an object, a CSV never with one.
 */
class ByteLimit extends Transform {
  private bytes = 0;
  private sniffed = false;

  constructor(
    private readonly max: number,
    private readonly format: 'csv' | 'ndjson',
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(this.problemWith(chunk), chunk);
  }

  private problemWith(chunk: Buffer): Error | null {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      return new ApiError(
        413,
        'payload_too_large',
        `the history is over MAX_HISTORY_BYTES (${this.max} bytes)`,
        {
          limit: 'MAX_HISTORY_BYTES',
          max: this.max,
        },
      );
    }
    if (this.sniffed) return null;
    if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
      this.sniffed = true;
      return new InputError(
        'gzip_without_encoding',
        'the body is gzip-compressed: send it with Content-Encoding: gzip, and the server gunzips it as it stores it',
      );
    }
    const text = chunk
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.length === 0) return null;
    this.sniffed = true;
    return sniff(text[0]!, this.format) ?? null;
  }
}

function sniff(first: string, format: 'csv' | 'ndjson'): InputError | undefined {
  if (format === 'ndjson' && first !== '{') {
    return new InputError(
      'not_ndjson',
      `the body is not NDJSON: its first line does not start with "{" but "${first}"`,
    );
  }
  if (format === 'csv' && (first === '{' || first === '[')) {
    return new InputError('not_csv', 'the body is JSON, not CSV: send NDJSON as application/x-ndjson');
  }
  return undefined;
}
