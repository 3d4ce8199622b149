/**
 * Evaluate's latency with and without a shadow release (`npm run bench:shadow`): a real
 * `ordergraph serve`, live orders over HTTP (each id new, so each is decided and recorded, and the
 * shadow decides it again), measured in rounds that alternate without and with a shadow so the
 * machine's other load, and the server's own drift, fall on both alike. The shadow's candidate is the demo's routing draft
 * shipping from Shanghai first: it diverges on real orders and does the same work as live.
 * BENCH_SECONDS (default 8) is each run, BENCH_ROUNDS (default 4) the pairs of runs,
 * BENCH_CONNECTIONS (default 4) the single-order callers. BENCH_CONTROL=1 runs no shadow on either side:
 * the ratio it prints is then the machine's noise, the floor a real ratio is read against.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCli } from '../test/serve-cli.test-helper.ts';

const root = new URL('../../', import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const control = process.env.BENCH_CONTROL === '1';
const BATCH = 100;
const adminKey = `bench-${'k'.repeat(32)}`;
const base = '/api/v1/clients/demo';

async function call<T>(url: string, method: string, path: string, body?: unknown, headers = {}): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const template = JSON.parse(await readFile(join(root, 'samples/orders/standard-hangzhou.json'), 'utf8'));
const GUANGZHOU = { province: '广东省', city: '广州市', district: '天河区', address: '天河路 1 号' };
let serial = 0;
/** A new order every call: one buyer each, every third one to Guangzhou (where the candidate diverges). */
function nextOrder(): Record<string, unknown> {
  const n = serial++;
  return {
    ...template,
    id: `BENCH-${n}`,
    buyer: { ...template.buyer, id: `bench-buyer-${n}` },
    receiver: n % 3 === 0 ? { ...template.receiver, ...GUANGZHOU } : template.receiver,
  };
}

/** Requests from `callers` callers, each sending its next as soon as its last is answered, for `seconds`. */
async function load(callers: number, send: () => Promise<Response>): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const res = await send();
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`evaluate answered ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Figures {
  single: number[];
  batch: number[];
}

async function run(url: string, figures: Figures): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  figures.single.push(
    ...(await load(connections, () =>
      post('/evaluate', { order: nextOrder(), platform: 'standard', trace: false }),
    )),
  );
  figures.batch.push(
    ...(await load(1, () =>
      post('/evaluate/batch', {
        orders: Array.from({ length: BATCH }, nextOrder),
        platform: 'standard',
        trace: false,
      }),
    )),
  );
}

function line(label: string, latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p99 = quantile(sorted, 0.99);
  process.stdout.write(
    `${label.padEnd(34)} n ${String(sorted.length).padStart(6)}   p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms\n`,
  );
  return { p50, p99 };
}

const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bench-shadow-'));
const started: ChildProcess[] = [];
const { url, child, output } = await serveCli(
  { HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: adminKey },
  started,
);
try {
  // `serve` publishes the sample plugins' strategy as release 2; a shadow runs no plugins, so live is release 1 again.
  await call(url, 'POST', `${base}/rollback`, { toRelease: 1, note: 'bench: live without plugins' });
  const draft = await call<{
    strategy: { nodes: { id: string; content: Record<string, unknown> }[] };
    revision: number;
  }>(url, 'GET', `${base}/strategies/routing`);
  const nearest = draft.strategy.nodes.find((n) => n.id === 'route-nearest')!;
  const steps = nearest.content.steps as { step: string; by?: string; priority?: string[] }[];
  const rank = steps.find((s) => s.step === 'rank')!;
  rank.by = 'priority';
  rank.priority = ['WH-SH', ...(rank.priority ?? []).filter((w) => w !== 'WH-SH')];
  await call(url, 'PUT', `${base}/strategies/routing`, draft.strategy, { 'if-match': `"${draft.revision}"` });

  const without: Figures = { single: [], batch: [] };
  const withShadow: Figures = { single: [], batch: [] };
  await run(url, { single: [], batch: [] }); // warm-up: JIT, pipelines built, files open
  let shadowed = { orders: 0, diverged: 0, dropped: 0 };
  const shadowRun = async () => {
    if (control) return run(url, withShadow);
    await call(url, 'PUT', `${base}/shadow`, {
      candidate: { strategies: [{ strategyId: 'routing', draft: true }] },
    });
    await run(url, withShadow);
    const stopped = await call<typeof shadowed>(url, 'DELETE', `${base}/shadow`);
    shadowed = {
      orders: shadowed.orders + stopped.orders,
      diverged: shadowed.diverged + stopped.diverged,
      dropped: shadowed.dropped + stopped.dropped,
    };
  };
  // Without, with, with, without …: the server slows a little as its logs and state grow, and that
  // drift then falls on both sides alike.
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await run(url, without);
      await shadowRun();
    } else {
      await shadowRun();
      await run(url, without);
    }
  }
  process.stdout.write(
    `${rounds} rounds of ${seconds} s per run; single orders from ${connections} callers, batches of ${BATCH} from one${control ? '; CONTROL: no shadow on either side' : ''}\n`,
  );
  const s0 = line('evaluate, no shadow', without.single);
  const s1 = line('evaluate, shadow running', withShadow.single);
  const b0 = line(`evaluate/batch ×${BATCH}, no shadow`, without.batch);
  const b1 = line(`evaluate/batch ×${BATCH}, shadow running`, withShadow.batch);
  const ratio = (a: number, b: number) => `${(b / a).toFixed(3)}×`;
  process.stdout.write(
    `with / without: evaluate p50 ${ratio(s0.p50, s1.p50)} p99 ${ratio(s0.p99, s1.p99)}; batch p50 ${ratio(b0.p50, b1.p50)} p99 ${ratio(b0.p99, b1.p99)}\n`,
  );
  process.stdout.write(
    `the shadow compared ${shadowed.orders} orders (${shadowed.diverged} diverged), dropped ${shadowed.dropped}\n`,
  );
} catch (error) {
  process.stderr.write(`the server said, last:\n${output().slice(-4000)}\n`);
  throw error;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
