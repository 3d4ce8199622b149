import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { HistoryRecord, SimulationInput, SimulationJob } from '../../api/index.ts';
import { InputError } from '../../engine/errors/index.ts';
import { isGzipFile } from '../../simulate/input/file-bytes.ts';
import { progressOn } from '../../simulate/progress.ts';
import type { SimulationReport } from '../../simulate/report/report-schema.ts';
import { summaryText } from '../../simulate/report/summary-text.ts';
import { CliExit, EXIT } from '../exit.ts';
import { ServerClient } from './server-client.ts';

export interface RemoteSimulateOptions {
  server: string;
  key: string;
  client: string;
  orders: string;
  map?: string;
  platform?: string;
  /** `strategyId` (its draft) or `strategyId@version`. */
  candidate?: string[];
  baselineRelease?: number;
  /** Start from the client's live state on the server; else `stateFile`, else empty. */
  liveState?: boolean;
  stateFile?: string;
  limit?: number;
  decideAfter?: number;
  json?: string;
  html?: string;
}

const POLL_MS = 500;
/** Job progress drawn on the bar out of this many steps. */
const STEPS = 1000;

/**
 * `ordergraph simulate --server`: the same replay, run by a server. Uploads the history (gzipped,
 * streamed) and its mapping, starts the job, follows it with a progress bar, downloads the report.
 */
export async function simulateRemote(options: RemoteSimulateOptions): Promise<void> {
  const api = new ServerClient(options.server, options.key);
  const client = encodeURIComponent(options.client);
  const progress = progressOn(process.stderr);

  let mappingId: string | undefined;
  if (options.map) {
    mappingId = idOf(options.map);
    await api.json(`/clients/${client}/mappings/${mappingId}`, {
      method: 'PUT',
      json: readJson(options.map, '--map'),
    });
  }
  const history = await uploadHistory(api, client, options, mappingId, progress);
  process.stderr.write(
    `history ${history.historyId}: ${history.rows.toLocaleString('en')} orders, ${history.skippedTotal} rows skipped\n`,
  );

  const request: Partial<SimulationInput> & { historyId: string } = {
    historyId: history.historyId,
    ...(options.candidate?.length ? { candidate: { strategies: options.candidate.map(candidatePick) } } : {}),
    ...(options.baselineRelease ? { baseline: { release: options.baselineRelease } } : {}),
    ...(options.liveState ? { state: 'live' as const } : {}),
    ...(options.stateFile
      ? { state: { snapshot: readJson(options.stateFile, '--state') as Record<string, unknown> } }
      : {}),
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.decideAfter ? { decideAfterMinutes: options.decideAfter } : {}),
  };
  const { simulationId } = await api.json<{ simulationId: string }>(`/clients/${client}/simulations`, {
    method: 'POST',
    json: request,
  });
  const job = await follow(api, `/clients/${client}/simulations/${simulationId}`, progress);
  if (job.status !== 'done') {
    process.stderr.write(`simulation ${simulationId} ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    throw new CliExit(job.status === 'cancelled' ? EXIT.invalid : EXIT.internal);
  }
  const reportText = await api.text(`/clients/${client}/simulations/${simulationId}/report`);
  const outputs: string[] = [];
  if (options.json) outputs.push(write(options.json, reportText));
  if (options.html) {
    outputs.push(
      write(options.html, await api.text(`/clients/${client}/simulations/${simulationId}/report.html`)),
    );
  }
  process.stdout.write(summaryText(JSON.parse(reportText) as SimulationReport, outputs));
  process.stdout.write(`simulation ${simulationId} on ${options.server}\n`);
}

async function uploadHistory(
  api: ServerClient,
  client: string,
  options: RemoteSimulateOptions,
  mappingId: string | undefined,
  progress: ReturnType<typeof progressOn>,
): Promise<HistoryRecord> {
  let size: number;
  try {
    size = statSync(options.orders).size;
  } catch {
    throw new InputError('file_unreadable', `cannot read ${options.orders}`, { field: '--orders' });
  }
  const csv = mappingId !== undefined;
  const query = new URLSearchParams({ name: basename(options.orders) });
  if (mappingId) query.set('mapping', mappingId);
  if (options.platform) query.set('platform', options.platform);
  progress.phase('upload', size);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      progress.update(sent, 0);
      done(null, chunk);
    },
  });
  // A history already gzipped goes as it is; the server gunzips it once.
  const counted = createReadStream(options.orders).pipe(counter);
  const body = Readable.toWeb(
    isGzipFile(options.orders) ? counted : counted.pipe(createGzip()),
  ) as ReadableStream;
  const created = await api.json<{ historyId: string; status: string }>(
    `/clients/${client}/histories?${query}`,
    {
      method: 'POST',
      body,
      headers: { 'content-type': csv ? 'text/csv' : 'application/x-ndjson', 'content-encoding': 'gzip' },
    },
  );
  progress.done();
  const path = `/clients/${client}/histories/${created.historyId}`;
  for (;;) {
    const history = await api.json<HistoryRecord>(path);
    if (history.status === 'ready') return history;
    if (history.status === 'failed') {
      throw new InputError(
        'history_unreadable',
        `the server could not read ${options.orders}: ${history.error ?? ''}`,
      );
    }
    await sleep(POLL_MS);
  }
}

async function follow(
  api: ServerClient,
  path: string,
  progress: ReturnType<typeof progressOn>,
): Promise<SimulationJob> {
  let phase = '';
  for (;;) {
    const job = await api.json<SimulationJob>(path);
    if (job.phase !== phase && job.status === 'running') {
      if (phase) progress.done();
      phase = job.phase;
      progress.phase(phase, STEPS);
    }
    if (job.status === 'running') progress.update(Math.round(job.progress * STEPS), job.ordersDone);
    if (job.status !== 'queued' && job.status !== 'running') {
      if (phase) progress.done();
      return job;
    }
    await sleep(POLL_MS);
  }
}

/** `carrier` → its draft; `carrier@3` → version 3. */
function candidatePick(
  value: string,
): { strategyId: string; draft: true } | { strategyId: string; version: number } {
  const [strategyId, version] = value.split('@') as [string, string | undefined];
  if (version === undefined || version === 'draft') return { strategyId, draft: true };
  if (!/^[1-9]\d*$/.test(version)) {
    throw new InputError(
      'candidate_invalid',
      `--candidate ${value}: write strategyId or strategyId@version`,
      { field: '--candidate' },
    );
  }
  return { strategyId, version: Number(version) };
}

/** A mapping's id on the server: its file name, as an id. */
function idOf(file: string): string {
  const id = basename(file)
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9_.:-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 128) || 'mapping';
}

function readJson(file: string, option: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError('file_unreadable', `cannot read ${file} as JSON: ${(error as Error).message}`, {
      field: option,
    });
  }
}

function write(file: string, text: string): string {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError('file_unwritable', `cannot write ${file}: ${(error as Error).message}`, {
      field: file,
    });
  }
  return file;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
