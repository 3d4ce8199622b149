// The plugin's cost through the API path (`npm run bench:plugins` runs it after plugins/bench.ts): a real
// `ordergraph serve` in a child process, the demo client as its first start leaves it (release 2: the
// demo strategies plus the address-risk sample plugin strategy), against release 1's same pipeline
// without the plugin, restored by a rollback. Dry runs, so every request decides (nothing is replayed).
//   node --import tsx plugins/bench-api.ts [orders]
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseClient } from '../engine/client/index.ts';
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { serveCli } from '../server/test/serve-cli.test-helper.ts';

const COUNT = Number(process.argv[2] ?? 2_000);
const BATCH = 100;
const SINGLES = 300;
const ADMIN_KEY = `bench-${'k'.repeat(32)}`;
const CLIENT_FILE = new URL('../samples/clients/demo/client.json', import.meta.url).pathname;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU seconds of a process and its children (the sandbox workers), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(entry) === pid || Number(fields[1]) === pid)
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

async function call(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/v1/clients/demo${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  return answer;
}

interface Row {
  pipeline: string;
  'batch orders/s': number;
  'server CPU µs/order': number;
  'single p50 ms': number;
  'single p99 ms': number;
}

async function measure(url: string, pid: number, name: string, orders: readonly unknown[]): Promise<Row> {
  const batches = [];
  for (let i = 0; i < orders.length; i += BATCH) batches.push(orders.slice(i, i + BATCH));
  await call(url, '/evaluate/batch', { orders: batches[0], dryRun: true, trace: false });
  const cpu = cpuSeconds(pid);
  const started = performance.now();
  for (const orders of batches) await call(url, '/evaluate/batch', { orders, dryRun: true, trace: false });
  const seconds = (performance.now() - started) / 1000;
  const used = cpuSeconds(pid) - cpu;
  const latencies: number[] = [];
  for (let i = 0; i < SINGLES; i++) {
    const begun = performance.now();
    await call(url, '/evaluate', { order: orders[i % orders.length], dryRun: true, trace: false });
    latencies.push(performance.now() - begun);
  }
  latencies.sort((a, b) => a - b);
  return {
    pipeline: name,
    'batch orders/s': Math.round(orders.length / seconds),
    'server CPU µs/order': Math.round((used * 1e6) / orders.length),
    'single p50 ms': Number(latencies[Math.floor(SINGLES / 2)]!.toFixed(2)),
    'single p99 ms': Number(latencies[Math.floor(SINGLES * 0.99)]!.toFixed(2)),
  };
}

const client = parseClient(JSON.parse(readFileSync(CLIENT_FILE, 'utf8')), CLIENT_FILE);
const orders = [...generateOrders({ client, count: COUNT, seed: 'plugins-api-bench' })];
const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bench-plugins-'));
const started: ChildProcess[] = [];
const { url, child } = await serveCli(
  { HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: ADMIN_KEY },
  started,
);
try {
  const withPlugin = await measure(url, child.pid!, 'demo + address-risk plugin (release 2)', orders);
  await call(url, '/rollback', { toRelease: 1, note: 'bench: the same pipeline without the plugin' });
  const without = await measure(url, child.pid!, 'demo, no plugin (release 1)', orders);
  process.stdout.write(
    `\nThrough the API: ${COUNT} generated orders, dry runs, batches of ${BATCH}, ${SINGLES} single orders\n`,
  );
  console.table([without, withPlugin]);
  const overhead = withPlugin['server CPU µs/order'] - without['server CPU µs/order'];
  process.stdout.write(
    `plugin overhead through the API: ${overhead} µs CPU per order (server + sandbox workers), ` +
      `single-order p50 ${(withPlugin['single p50 ms'] - without['single p50 ms']).toFixed(2)} ms\n`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
