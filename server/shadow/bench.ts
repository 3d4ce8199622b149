/**
 * Evaluate's latency with and without a shadow release (`npm run bench:shadow`): a real
 * `ordergraph serve`, live orders over HTTP (each id new, so each is decided and recorded, and the
 * shadow decides it again), measured in rounds that alternate without and with a shadow so the
 * machine's other load, and the server's own drift, fall on both alike. The shadow's candidate is the
 * demo's routing draft shipping from Shanghai first: it diverges on real orders and does the same work as live.
 *
 * BENCH_MODE=closed (default): callers send their next request as soon as the last is answered, single
 * orders from BENCH_CONNECTIONS (default 4) callers, then batches of 100 from one: the server and the load
 * generator saturate the machine, so any CPU the shadow takes shows as latency (the saturated figure).
 * BENCH_MODE=open: evaluate traffic as it arrives, at a rate: first the capacity (closed-loop single
 * orders, no shadow), then single orders offered at BENCH_RATES of it (default 0.25,0.5), spaced by
 * BENCH_ARRIVALS (poisson, default, or even), each latency from the request's scheduled send time, so
 * time queued behind a slow answer counts.
 *
 * Every run, with or without a shadow, starts after BENCH_WARM_ORDERS (default 3000, sent as batches, not
 * measured), so a shadow's process is compiled and warm, as one running for days is.
 *
 * BENCH_SECONDS (default 8) is each run, BENCH_ROUNDS (default 4) the pairs of runs. BENCH_CONTROL=1 runs
 * no shadow on either side: the ratio it prints is then the machine's noise, the floor a real ratio is
 * read against. BENCH_PLUGINS=1 keeps the demo's release 2 live, whose strategies call three plugins, so
 * live and the shadow both run them (the shadow in a sandbox process of its own).
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveCli } from '../test/serve-cli.test-helper.ts';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by every process below `pid` (not `pid` itself), from /proc: the shadow's
 * process and the sandbox it starts. A process that has ended is not counted (its time left with it).
 */
function descendantsCpu(pid: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // After the parenthesised name: ppid is the 2nd field, utime the 12th, stime the 13th.
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [
          { pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) },
        ];
      } catch {
        return [];
      }
    });
  const below = new Set([pid]);
  let ticks = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (below.has(stat.ppid) && !below.has(stat.pid)) {
        below.add(stat.pid);
        ticks += stat.ticks;
        grew = true;
      }
    }
  }
  return ticks / TICKS_PER_SECOND;
}

const root = new URL('../../', import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const control = process.env.BENCH_CONTROL === '1';
const mode = process.env.BENCH_MODE ?? 'closed';
const rates = (process.env.BENCH_RATES ?? '0.25,0.5').split(',').map(Number);
const arrivals = process.env.BENCH_ARRIVALS ?? 'poisson';
const withPlugins = process.env.BENCH_PLUGINS === '1';
if (!['closed', 'open'].includes(mode) || !['poisson', 'even'].includes(arrivals)) {
  throw new Error('BENCH_MODE is closed or open; BENCH_ARRIVALS is poisson or even');
}
const BATCH = 100;
const WARM_ORDERS = Number(process.env.BENCH_WARM_ORDERS ?? 3000);
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

/**
 * Requests sent at `rate` a second for `seconds`, whatever the answers do: Poisson arrivals (or evenly
 * spaced), each latency measured from when it was due to be sent, so time spent behind a slow answer counts.
 */
async function offer(rate: number, send: () => Promise<Response>): Promise<number[]> {
  const latencies: number[] = [];
  const answers: Promise<void>[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  const gap = () => (arrivals === 'even' ? 1000 / rate : (-Math.log(1 - Math.random()) * 1000) / rate);
  for (let due = start + gap(); due < end; due += gap()) {
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    answers.push(
      send().then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`evaluate answered ${res.status}`);
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(answers);
  return latencies;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Figures {
  single: number[];
  batch: number[];
}

const poster = (url: string) => (path: string, body: unknown) =>
  fetch(`${url}${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const single = (url: string) => () =>
  poster(url)('/evaluate', { order: nextOrder(), platform: 'standard', trace: false });

async function run(url: string, figures: Figures): Promise<void> {
  const post = poster(url);
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
    `${label.padEnd(44)} n ${String(sorted.length).padStart(6)}   p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms\n`,
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
  if (!withPlugins) {
    // `serve` publishes the sample plugins' strategy as release 2: live runs release 1 again, with none.
    await call(url, 'POST', `${base}/rollback`, { toRelease: 1, note: 'bench: live without plugins' });
  }
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

  await run(url, { single: [], batch: [] }); // warm-up: JIT, pipelines built, files open
  let shadowed = { orders: 0, diverged: 0, dropped: 0 };
  /** `work` with a shadow running (with none under BENCH_CONTROL), its counts added up. */
  const shadowing = async (work: () => Promise<void>) => {
    if (control) return work();
    await call(url, 'PUT', `${base}/shadow`, {
      candidate: { strategies: [{ strategyId: 'routing', draft: true }] },
    });
    await work();
    const stopped = await call<typeof shadowed>(url, 'DELETE', `${base}/shadow`);
    shadowed = {
      orders: shadowed.orders + stopped.orders - WARM_ORDERS,
      diverged: shadowed.diverged + stopped.diverged,
      dropped: shadowed.dropped + stopped.dropped,
    };
  };
  /** The server process's CPU seconds so far (every thread of it; the shadow's process is apart). */
  const serverCpu = async () => {
    const text = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${adminKey}` } })
    ).text();
    return Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  };
  /** Server CPU and orders sent, per side, to print the CPU an order costs with and without a shadow. */
  const cost = {
    without: { cpu: 0, shadowCpu: 0, orders: 0, ms: 0 },
    with: { cpu: 0, shadowCpu: 0, orders: 0, ms: 0 },
  };
  const metered = (side: keyof typeof cost, work: () => Promise<void>) => async () => {
    // A shadow runs for days: what evaluate pays is its steady state, not a fresh process compiling its
    // code, so each run starts after WARM_ORDERS (not measured), the shadow caught up with them. Runs
    // without a shadow get the same orders first, so the garbage and log writes they leave fall on both.
    for (let sent = 0; sent < WARM_ORDERS; sent += BATCH) {
      await poster(url)('/evaluate/batch', {
        orders: Array.from({ length: BATCH }, nextOrder),
        platform: 'standard',
        trace: false,
      }).then((res) => res.arrayBuffer());
    }
    if (side === 'with' && !control) {
      while ((await call<{ pending: number }>(url, 'GET', `${base}/shadow`)).pending > 0) await sleep(100);
    }
    const [cpu, shadowCpu, orders, started] = [
      await serverCpu(),
      descendantsCpu(child.pid!),
      serial,
      performance.now(),
    ];
    await work();
    cost[side].cpu += (await serverCpu()) - cpu;
    cost[side].shadowCpu += descendantsCpu(child.pid!) - shadowCpu;
    cost[side].orders += serial - orders;
    cost[side].ms += performance.now() - started;
  };
  /** Without, with, with, without …: the server slows a little as its logs and state grow, and that drift then falls on both sides alike. */
  const alternate = async (without: () => Promise<void>, withShadow: () => Promise<void>) => {
    const [plain, shadowed] = [metered('without', without), metered('with', withShadow)];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        await plain();
        await shadowing(shadowed);
      } else {
        await shadowing(shadowed);
        await plain();
      }
    }
  };
  const ratio = (a: number, b: number) => `${(b / a).toFixed(3)}×`;
  const setting = `live release ${withPlugins ? '2 (3 plugins)' : '1 (no plugins)'}${control ? '; CONTROL: no shadow on either side' : ''}`;

  if (mode === 'closed') {
    const without: Figures = { single: [], batch: [] };
    const withShadow: Figures = { single: [], batch: [] };
    await alternate(
      () => run(url, without),
      () => run(url, withShadow),
    );
    process.stdout.write(
      `closed loop, ${rounds} rounds of ${seconds} s per run; single orders from ${connections} callers, batches of ${BATCH} from one; ${setting}\n`,
    );
    const s0 = line('evaluate, no shadow', without.single);
    const s1 = line('evaluate, shadow running', withShadow.single);
    const b0 = line(`evaluate/batch ×${BATCH}, no shadow`, without.batch);
    const b1 = line(`evaluate/batch ×${BATCH}, shadow running`, withShadow.batch);
    process.stdout.write(
      `with / without: evaluate p50 ${ratio(s0.p50, s1.p50)} p99 ${ratio(s0.p99, s1.p99)}; batch p50 ${ratio(b0.p50, b1.p50)} p99 ${ratio(b0.p99, b1.p99)}\n`,
    );
  } else {
    const capacity = (await load(connections, single(url))).length / seconds;
    process.stdout.write(
      `open loop, ${arrivals} arrivals, ${rounds} rounds of ${seconds} s per run; ${setting}; capacity (closed loop, ${connections} callers, no shadow) ${capacity.toFixed(0)} orders/s\n`,
    );
    for (const share of rates) {
      const rate = capacity * share;
      const without: number[] = [];
      const withShadow: number[] = [];
      await alternate(
        async () => void without.push(...(await offer(rate, single(url)))),
        async () => void withShadow.push(...(await offer(rate, single(url)))),
      );
      const s0 = line(`${share} × capacity (${rate.toFixed(0)}/s), no shadow`, without);
      const s1 = line(`${share} × capacity (${rate.toFixed(0)}/s), shadow`, withShadow);
      process.stdout.write(`  with / without: p50 ${ratio(s0.p50, s1.p50)} p99 ${ratio(s0.p99, s1.p99)}\n`);
    }
  }
  // Per order, and as a share of one core: at low rates the server's own background work (timers, GC,
  // log flushes) is most of the CPU, so the share says more than the per-order figure there.
  const cpuOf = (cpu: number, { orders, ms }: { orders: number; ms: number }) =>
    `${((cpu * 1000) / orders).toFixed(3)} ms an order (${((cpu * 100_000) / ms).toFixed(1)} % of a core)`;
  process.stdout.write(
    `server process CPU (every thread of it): ${cpuOf(cost.without.cpu, cost.without)} without, ${cpuOf(cost.with.cpu, cost.with)} with a shadow; ` +
      `its child processes (live's plugin sandbox; the shadow's process and its sandbox): ${cpuOf(cost.without.shadowCpu, cost.without)} without, ${cpuOf(cost.with.shadowCpu, cost.with)} with\n`,
  );
  process.stdout.write(
    `the shadow compared ${shadowed.orders} measured orders (${shadowed.diverged} diverged, warm-up included), dropped ${shadowed.dropped}; load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
} catch (error) {
  process.stderr.write(`the server said, last:\n${output().slice(-4000)}\n`);
  throw error;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
