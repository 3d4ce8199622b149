/**
 * Decides NDJSON orders (raw Tmall / JD / Douyin or standard, one a line) with the demo client's whole
 * pipeline, in input order through one state, and prints what it decided: statuses, hold and flag
 * reasons, warehouses, carriers, gifts, splits, and orders per second. A measuring tool, not a CLI
 * command:
 *
 *   node bin/ordergraph.js generate --client demo --count 100000 --seed 7 \
 *     | npx tsx samples/tools/decide-ndjson.ts --engine reference
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Decision } from '../../engine/decision/decision.ts';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { DEMO_STOCK, demoPipeline, loadDemoStrategies } from './demo-pipeline.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const engine = (option('--engine') ?? 'compiled') as EngineName;
const input = args[0] && args[0] !== '-' ? createReadStream(args[0]) : process.stdin;

const counts = new Map<string, number>();
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const problems: string[] = [];

/** What the "done when" asks of every decision: a status, and a reason and message for each hold. */
function check(decision: Decision): void {
  if (!['approved', 'held', 'flagged'].includes(decision.status))
    problems.push(`${decision.orderId}: no status`);
  for (const hold of decision.holds) {
    if (!hold.reason || !hold.message) problems.push(`${decision.orderId}: a hold without reason or message`);
  }
}

function tally(d: Decision): void {
  count(`status ${d.status}`);
  for (const reason of new Set(d.holds.map((h) => h.reason))) count(`hold ${reason}`);
  for (const reason of new Set(d.flags.map((f) => f.reason))) count(`flag ${reason}`);
  count(
    `warehouse ${d.warehouse ?? (d.parcels.some((p) => p.warehouse) ? 'split across warehouses' : 'none')}`,
  );
  count(`carrier ${d.carrier ?? 'none'}`);
  for (const gift of d.gifts) count(`gift ${gift.sku}`);
  if (d.parcels.length) count('shape parcels (split)');
  if (d.substitutions.length) count('shape substituted');
}

const strategies = loadDemoStrategies();
const pipeline = demoPipeline(strategies, engine);
let decided = 0;
let unreadable = 0;
let decideMs = 0;
const started = performance.now();
for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (!text.trim()) continue;
  let order: ReturnType<typeof adaptOrder>;
  try {
    const raw: unknown = JSON.parse(text);
    order = adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: decided + unreadable + 1 });
  } catch (error) {
    unreadable++;
    if (unreadable <= 5) problems.push(`unreadable order: ${(error as Error).message}`);
    continue;
  }
  const t0 = performance.now();
  const decision = await pipeline.decide(order);
  decideMs += performance.now() - t0;
  decided++;
  check(decision);
  tally(decision);
}
const totalMs = performance.now() - started;

const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
process.stdout.write(
  `engine ${engine}, ${strategies.compiled.length} strategies, stock from ${DEMO_STOCK}\n`,
);
for (const [key, n] of rows) process.stdout.write(`${key.padEnd(42)} ${String(n).padStart(8)}\n`);
process.stdout.write(
  `\n${decided} decided, ${unreadable} unreadable, ${problems.length} problems\n` +
    `decide only: ${Math.round(decided / (decideMs / 1000))} orders/s; ` +
    `with parsing and adapting: ${Math.round(decided / (totalMs / 1000))} orders/s\n`,
);
for (const problem of problems.slice(0, 20)) process.stdout.write(`  ${problem}\n`);
if (problems.length) process.exitCode = 1;
