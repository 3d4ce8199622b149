/**
 * `npm run test:scale`: one control server and EVALUATORS evaluator processes (`ordergraph serve
 * --evaluators N`) sharing the demo client's state in a redis-server of its own; orders sent to the
 * evaluators at once, some twice, some for a SKU nearly sold out, and one evaluator SIGKILLed midway
 * (its orders sent again, as an OMS retries). Exit 0 only when the capped gift went to exactly C
 * orders, no stock level went below zero and every repeat was caught; the last line says so.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCli } from '../../server/test/serve-cli.test-helper.ts';
import { startRedis } from '../../test-support/redis-server.ts';

const CAP = Number(process.env.SCALE_CAP ?? 400);
const EVALUATORS = Number(process.env.SCALE_EVALUATORS ?? 4);
const ORDERS = 2 * CAP + 200;
const REPEATS = 80;
/** Units of the scarce SKU on hand, all in one warehouse: a fifth of the orders want one. */
const SCARCE = { warehouse: 'WH-SH', sku: 'SKII-0003', units: 40 };
const CONCURRENCY = 32;
const KEY = 'scale-admin-key-0123456789abcdef';
const MIRRORS = 'gift:gifts:double11-gifts:first-1000-mirror:orders';
const log = (line: string) => process.stderr.write(`scale: ${line}\n`);

interface Answer {
  evaluator: string;
  replay: boolean;
  mirror: boolean;
  status: string;
}

const template = JSON.parse(
  readFileSync(new URL('../../samples/orders/standard-hangzhou.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Order n, paid in the first hour of double 11 (the window of the first-N mirror gift). */
function order(n: number): Record<string, unknown> {
  const paidAt = new Date(Date.parse('2026-11-11T00:00:10+08:00') + n * 1000).toISOString();
  const scarce = n % 5 === 0;
  return {
    ...template,
    id: `SCALE-${n}`,
    createdAt: paidAt,
    paidAt,
    buyer: { id: `scale-buyer-${n}`, nick: `买家${n}`, memberLevel: 1 },
    lines: [
      scarce
        ? { sku: SCARCE.sku, name: 'SK-II 神仙水', qty: 1, price: 1540, weightKg: 0.5, category: 'skincare' }
        : (template.lines as unknown[])[0],
    ],
  };
}

async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return { body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** The demo's first-1000 mirror gift capped at CAP instead, cut and published as the next release. */
async function capMirrors(control: string): Promise<void> {
  const { body: view, headers } = await api(control, 'GET', '/clients/demo/strategies/gifts');
  const strategy = structuredClone(view.strategy);
  const node = strategy.nodes.find((n: { id: string }) => n.id === 'double11-gifts');
  node.content.rules.find((r: { id: string }) => r.id === 'first-1000-mirror').caps = { firstOrders: CAP };
  await api(control, 'PUT', '/clients/demo/strategies/gifts', strategy, { 'If-Match': headers.get('etag')! });
  const { body: version } = await api(control, 'POST', '/clients/demo/strategies/gifts/versions', {
    note: 'scale',
  });
  await api(control, 'POST', '/clients/demo/publish', {
    strategies: [{ strategyId: 'gifts', version: version.version }],
  });
  const { body: client } = await api(control, 'GET', '/clients/demo');
  const { body: state } = await api(control, 'GET', '/clients/demo/state');
  for (const { id } of client.client.warehouses as { id: string }[]) {
    state.stock[id] = { ...state.stock[id], [SCARCE.sku]: id === SCARCE.warehouse ? SCARCE.units : 0 };
  }
  await api(control, 'PUT', '/clients/demo/state', state);
}

/** Sends one order until it is answered: a killed evaluator's connections fail, and the OMS sends again. */
async function send(evaluators: string, raw: Record<string, unknown>): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { body, headers } = await api(evaluators, 'POST', '/clients/demo/evaluate', { order: raw });
      return {
        evaluator: headers.get('x-ordergraph-evaluator') ?? '?',
        replay: body.replay !== undefined,
        mirror: body.decision.gifts.some((g: { sku: string }) => g.sku === 'GIFT-MIRROR'),
        status: body.decision.status,
      };
    } catch (error) {
      if (attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function main(): Promise<number> {
  const redis = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'og-scale-'));
  const started: ChildProcess[] = [];
  try {
    const served = await serveCli(
      { REDIS_URL: redis.url, DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: KEY, PLUGIN_WORKERS: '1' },
      started,
      { args: ['--evaluators', String(EVALUATORS)], ready: /evaluators on http:\/\/\S+/ },
    );
    const evaluators = /evaluators on (http:\/\/\S+)/.exec(served.output())![1]!;
    await capMirrors(served.url);
    log(`control ${served.url}, ${EVALUATORS} evaluators ${evaluators}, redis ${redis.url}`);

    // Every order once, REPEATS of them a second time, shuffled so a repeat may race its original.
    const work = Array.from({ length: ORDERS }, (_, n) => n);
    for (let r = 0; r < REPEATS; r++) work.push((r * 7) % ORDERS);
    for (let i = work.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [work[i], work[j]] = [work[j]!, work[i]!];
    }
    const answers = new Map<number, Answer[]>();
    const seen = new Set<string>();
    let next = 0;
    let killed: string | undefined;
    const worker = async () => {
      while (next < work.length) {
        const n = work[next++]!;
        const answer = await send(evaluators, order(n));
        seen.add(answer.evaluator);
        answers.set(n, [...(answers.get(n) ?? []), answer]);
        if (!killed && next > work.length / 2 && answer.evaluator !== '?') {
          killed = answer.evaluator;
          process.kill(Number(killed), 'SIGKILL');
          log(`SIGKILLed evaluator ${killed} after ${next} orders`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const { body: state } = await api(served.url, 'GET', '/clients/demo/state');
    const granted = [...answers.values()].filter((a) => a[0]!.mirror).length;
    const counted = state.counters[MIRRORS] ?? 0;
    const negative = Object.values(state.stock as Record<string, Record<string, number>>)
      .flatMap((skus) => Object.values(skus))
      .filter((qty) => qty < 0).length;
    const repeated = [...answers.values()].filter((a) => a.length > 1);
    // A repeat is caught when at most one of its answers is a new decision, and both say the same.
    const caught = repeated.filter(
      (a) =>
        a.filter((x) => !x.replay).length <= 1 &&
        a.every((x) => x.mirror === a[0]!.mirror && x.status === a[0]!.status),
    ).length;
    const consistent = [...answers.values()].every((a) => a.every((x) => x.mirror === a[0]!.mirror));
    log(
      `gift counter ${counted}, ${SCARCE.sku} left ${state.stock[SCARCE.warehouse][SCARCE.sku]}, answers consistent: ${consistent}`,
    );
    process.stdout.write(
      `scale: ${seen.size} processes, ${work.length} orders, cap ${CAP}: granted ${granted}, stock negative ${negative}, duplicates caught ${caught}/${repeated.length}\n`,
    );
    const ok =
      granted === CAP && counted === CAP && negative === 0 && caught === repeated.length && consistent;
    return ok ? 0 : 1;
  } finally {
    for (const child of started) child.kill('SIGTERM');
    await Promise.all(
      started.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: Error) => {
  process.stderr.write(`scale: ${error.stack ?? error.message}\n`);
  return 1;
});
