/**
 * `npm run bench:scale`: evaluate throughput of one client's single orders over real HTTP, with the
 * state in one process's memory (no Redis) and shared in Redis by 1 and by 2 evaluator processes
 * (`serve --evaluators N`), on this machine. Prints orders/s, p50/p99, and from Redis's own counters
 * the script calls and commands per decision (one call per decision is one round trip: no conflict
 * was redecided). BENCH_SECONDS (default 10) sets each run's length.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedis } from '../../test-support/redis-server.ts';
import { ID_KEYS, load, type Scenario, sampleOrders } from '../bench-support.ts';
import { serveCli } from '../test/serve-cli.test-helper.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const adminKey = `bench-${'k'.repeat(32)}`;
const CONNECTIONS = 16;

interface Setup {
  name: string;
  evaluators: number;
  redis: boolean;
}

const SETUPS: Setup[] = [
  { name: 'one process, state in memory', evaluators: 0, redis: false },
  { name: '1 evaluator, state in Redis', evaluators: 1, redis: true },
  { name: '2 evaluators, state in Redis', evaluators: 2, redis: true },
];

async function redisCounters(redis: Redis): Promise<{ scripts: number; commands: number; cpuMs: number }> {
  const info = `${await redis.info('commandstats')}${await redis.info('stats')}${await redis.info('cpu')}`;
  const cpu = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  const scripts = /cmdstat_evalsha:calls=(\d+)/.exec(info)?.[1] ?? '0';
  const evals = /cmdstat_eval:calls=(\d+)/.exec(info)?.[1] ?? '0';
  const commands = /total_commands_processed:(\d+)/.exec(info)?.[1] ?? '0';
  return {
    scripts: Number(scripts) + Number(evals),
    commands: Number(commands),
    cpuMs: (cpu('used_cpu_user') + cpu('used_cpu_sys')) * 1000,
  };
}

async function measure(setup: Setup, scenario: Scenario, plugins: boolean): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bench-scale-'));
  const redis = setup.redis ? await startRedis() : undefined;
  const started: ChildProcess[] = [];
  const counters = redis ? new Redis(redis.url) : undefined;
  try {
    const served = await serveCli(
      {
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ORDERGRAPH_ADMIN_KEY: adminKey,
        ...(redis ? { REDIS_URL: redis.url } : {}),
      },
      started,
      setup.evaluators > 0
        ? { args: ['--evaluators', String(setup.evaluators)], ready: /evaluators on http:\/\/\S+/ }
        : {},
    );
    const url = /evaluators on (http:\/\/\S+)/.exec(served.output())?.[1] ?? served.url;
    // The demo's release 2 calls three plugins (a sandbox round trip an order); release 1 calls none.
    if (!plugins) await rollBackToFirst(served.url);
    await load(url, scenario, 2, adminKey); // unreported warm-up: pipelines built, JIT warm
    const before = counters ? await redisCounters(counters) : undefined;
    const result = await load(url, scenario, seconds, adminKey);
    const after = counters ? await redisCounters(counters) : undefined;
    const decided = result.requests.total;
    const failed = result.non2xx + result.errors + result.timeouts;
    const perDecision =
      before && after && decided > 0
        ? `   Redis: ${((after.scripts - before.scripts) / decided).toFixed(2)} script calls (round trips), ${((after.commands - before.commands) / decided).toFixed(1)} commands (most inside the script), ${(((after.cpuMs - before.cpuMs) / decided) * 1000).toFixed(0)} µs of Redis CPU a decision`
        : '';
    return `${`${setup.name}, ${plugins ? 'plugins' : 'no plugins'}`.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} orders/s   p50 ${result.latency.p50.toFixed(1).padStart(5)} ms   p99 ${result.latency.p99.toFixed(1).padStart(6)} ms${perDecision}${failed ? `   ${failed} FAILED` : ''}`;
  } finally {
    counters?.disconnect();
    for (const child of started) child.kill('SIGTERM');
    await Promise.all(
      started.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function rollBackToFirst(control: string): Promise<void> {
  const res = await fetch(`${control}/api/v1/clients/demo/rollback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ toRelease: 1 }),
  });
  if (!res.ok) throw new Error(`rollback to release 1: ${res.status} ${await res.text()}`);
}

const orders = await sampleOrders();
const order = orders.find((o) => 'tid' in o) ?? orders.find((o) => ID_KEYS.some((key) => key in o))!;
const scenario: Scenario = {
  name: 'single order',
  path: '/api/v1/clients/demo/evaluate',
  body: { order, trace: false },
  orders: 1,
  connections: CONNECTIONS,
};
process.stdout.write(
  `evaluate, single orders with fresh ids, ${CONNECTIONS} connections, ${seconds} s a run, the demo client\n`,
);
for (const plugins of [false, true]) {
  for (const setup of SETUPS) process.stdout.write(`${await measure(setup, scenario, plugins)}\n`);
}
