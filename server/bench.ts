/**
 * Throughput and latency of evaluate against a real server on loopback (`npm run bench:server`):
 * single orders, and batches of 100, with the decisions audited and the state recorded as in
 * production. The server runs in a child process (`ordergraph serve`) so the load generator does
 * not share its event loop. BENCH_SECONDS (default 10) sets each run's length.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, ID_KEYS, load, type Scenario, sampleOrders } from './bench-support.ts';
import { serveCli } from './test/serve-cli.test-helper.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const adminKey = `bench-${'k'.repeat(32)}`;

/** A real `ordergraph serve` on a free loopback port, this run's admin key its own. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const { url, child } = await serveCli(
    { HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: adminKey },
    [],
  );
  return { url, child };
}

async function run(url: string, pid: number, scenario: Scenario): Promise<void> {
  const cpuBefore = await cpuMs(pid);
  const result = await load(url, scenario, seconds, adminKey);
  const cpuAfter = await cpuMs(pid);
  const perSecond = result.requests.average;
  const failed = result.non2xx + result.errors + result.timeouts;
  const orders = result.requests.total * scenario.orders;
  const cpuPerOrder =
    cpuBefore === undefined || cpuAfter === undefined || orders === 0
      ? ''
      : `   server CPU ${((cpuAfter - cpuBefore) / orders).toFixed(2)} ms/order`;
  process.stdout.write(
    `${scenario.name.padEnd(34)} ${perSecond.toFixed(0).padStart(6)} req/s ${(perSecond * scenario.orders)
      .toFixed(0)
      .padStart(7)} orders/s   p50 ${result.latency.p50.toFixed(1).padStart(6)} ms   p99 ${result.latency.p99
      .toFixed(1)
      .padStart(6)} ms   ${scenario.connections} conns${cpuPerOrder}${failed ? `   ${failed} FAILED` : ''}\n`,
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bench-'));
const { url, child } = await startServer(dataDir);
try {
  const orders = await sampleOrders();
  // Orders whose id sits at the top level, so each request can give them ids of its own.
  const renamable = orders.filter((o) => ID_KEYS.some((key) => key in o));
  const tmall = renamable.find((o) => 'tid' in o) ?? renamable[0]!;
  const batch = Array.from({ length: 100 }, (_, i) => renamable[i % renamable.length]!);
  const evaluate = '/api/v1/clients/demo/evaluate';
  process.stdout.write(
    `evaluate on ${url}, ${seconds} s per run, embedded store (audit and state fsynced)\n`,
  );
  const scenarios: Scenario[] = [
    {
      name: 'single order',
      path: evaluate,
      body: { order: tmall, trace: false },
      orders: 1,
      connections: 10,
    },
    { name: 'single order, with trace', path: evaluate, body: { order: tmall }, orders: 1, connections: 10 },
    {
      name: 'single order, dry run',
      path: evaluate,
      body: { order: tmall, trace: false, dryRun: true },
      orders: 1,
      connections: 10,
    },
    {
      name: 'batch of 100',
      path: `${evaluate}/batch`,
      body: { orders: batch, trace: false },
      orders: 100,
      connections: 4,
    },
  ];
  // Unreported warm-up: the first requests build the pipeline and warm the JIT.
  for (const scenario of scenarios) await load(url, scenario, 1, adminKey);
  for (const scenario of scenarios) await run(url, child.pid!, scenario);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
