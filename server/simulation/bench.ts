/**
 * Simulation as a service under load (`npm run bench:simulation-service`): a real server (a child
 * `ordergraph serve`), a generated history uploaded over HTTP, a job replaying it (candidate vs
 * live: two pipelines), and evaluate's latency measured with autocannon before and during the job.
 * BENCH_ORDERS (default 200000; 1000000 for the issue's figure) sizes the history, BENCH_SECONDS
 * (default 10) each latency run. The history is generated once and kept in the temp folder.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import autocannon from 'autocannon';
import { cliArgs } from '../../test-support/run-cli.ts';
import { serveCli } from '../test/serve-cli.test-helper.ts';

const root = new URL('../../', import.meta.url).pathname;
const orders = Number(process.env.BENCH_ORDERS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const adminKey = `bench-${'k'.repeat(32)}`;
const base = '/api/v1/clients/demo';

function history(): string {
  const file = join(tmpdir(), `ordergraph-bench-history-${orders}.ndjson`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${orders.toLocaleString('en')} orders into ${file}\n`);
    const made = spawnSync(
      process.execPath,
      cliArgs(['generate', '--client', 'demo', '--count', String(orders), '--seed', '7', '--out', file]),
      { stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error('generate failed');
  }
  return file;
}

/** A real `ordergraph serve` on a free loopback port, this run's admin key its own. */
async function serve(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const { url, child } = await serveCli(
    { HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: adminKey },
    [],
  );
  return { url, child };
}

async function call<T>(url: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${adminKey}`, ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function latency(url: string, label: string): Promise<void> {
  const order = JSON.parse(await readFile(join(root, 'samples/orders/tmall-two-lines-presale.json'), 'utf8'));
  const result = await autocannon({
    url: `${url}${base}/evaluate`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ order, trace: false }),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  process.stdout.write(
    `evaluate ${label.padEnd(26)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50.toFixed(1).padStart(6)} ms   p99 ${result.latency.p99.toFixed(1).padStart(6)} ms${failed ? `   ${failed} FAILED` : ''}\n`,
  );
}

interface Job {
  status: string;
  phase: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: { orders: number; changed: number | null } | null;
  error?: string;
}

const file = history();
const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bench-sim-'));
const { url, child } = await serve(dataDir);
try {
  const bytes = statSync(file).size;
  let started = performance.now();
  const created = await call<{ historyId: string; rows: number }>(
    url,
    `${base}/histories?name=bench.ndjson`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit,
  );
  let h = await call<{ status: string; rows: number }>(url, `${base}/histories/${created.historyId}`);
  while (h.status === 'reading') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    h = await call(url, `${base}/histories/${created.historyId}`);
  }
  const uploadS = (performance.now() - started) / 1000;
  process.stdout.write(
    `upload ${(bytes / 2 ** 20).toFixed(0)} MB, ${h.rows.toLocaleString('en')} orders, stored and read in ${uploadS.toFixed(1)} s (${Math.round(h.rows / uploadS).toLocaleString('en')} orders/s)\n`,
  );

  await latency(url, 'warm-up (not a figure)');
  await latency(url, 'without a job');
  started = performance.now();
  const { simulationId } = await call<{ simulationId: string }>(url, `${base}/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      historyId: created.historyId,
      // Release 1: the demo's strategies; `serve` publishes its sample plugins' strategies after it,
      // and simulation jobs run no plugins yet.
      baseline: { release: 1 },
      candidate: { strategies: [{ strategyId: 'carrier', version: 1 }] },
      decideAfterMinutes: 30,
    }),
  });
  const path = `${base}/simulations/${simulationId}`;
  let job = await call<Job>(url, path);
  const measured = new Set<string>();
  while (job.status === 'queued' || job.status === 'running') {
    if (
      job.status === 'running' &&
      !measured.has(job.phase) &&
      (job.phase === 'reading' || job.phase === 'deciding')
    ) {
      measured.add(job.phase);
      await latency(url, `during a job (${job.phase})`);
    } else await new Promise((resolve) => setTimeout(resolve, 500));
    job = await call<Job>(url, path);
  }
  if (job.status !== 'done') throw new Error(`the job ended ${job.status}: ${job.error}`);
  const jobS = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt!)) / 1000;
  process.stdout.write(
    `job: ${job.summary!.orders.toLocaleString('en')} orders, baseline + candidate, in ${jobS.toFixed(1)} s = ${Math.round(job.summary!.orders / jobS).toLocaleString('en')} orders/s on the server (${job.summary!.changed} changed; wall incl. queue ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
