/**
 * Warehouse routing, 40 first-hit rows, 100,000 synthetic orders: json-rules-engine, the compiled
 * runtime, GoRules ZEN and a hand-written function, all from one run on the same orders after
 * checking they decide identically. Run: `node --import tsx bench/routing-table.bench.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { ZenEngine } from '@gorules/zen-engine';
import { createCompiledEvaluator } from '../engine/runtime/compiled/index.ts';
import { createReferenceEvaluator } from '../engine/runtime/reference/reference-evaluator.ts';
import { heapPerCopy } from './lib/heap.ts';
import { formatTable, type Measurement, measureInterleaved } from './lib/timing.ts';
import { routeByHand } from './routing-table/hand-written.ts';
import { type RoutingOrder, routingOrders } from './routing-table/orders.ts';
import { ROUTING_ROWS } from './routing-table/rows.ts';
import { toJdm } from './routing-table/to-jdm.ts';
import { toRuleSet } from './routing-table/to-rules.ts';

const ORDER_COUNT = Number(process.env.BENCH_ORDERS ?? 100_000);
const IN_FLIGHT = 256;
const SLOW_SLICE = 20_000;

const ruleSet = toRuleSet(ROUTING_ROWS);
const ruleSetText = JSON.stringify(ruleSet);
const orders = routingOrders(ORDER_COUNT);
const facts = orders as unknown as Record<string, unknown>[];
const compiled = createCompiledEvaluator(JSON.parse(ruleSetText));
const reference = createReferenceEvaluator(JSON.parse(ruleSetText));
const zen = new ZenEngine();
const decision = zen.createDecision(toJdm(ROUTING_ROWS));

const rowOf = (hit: { event: { params?: Record<string, unknown> } } | undefined) => hit?.event.params?.row;

async function checkAgreement(): Promise<Record<string, number>> {
  const perRow: Record<string, number> = {};
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    const expected = routeByHand(order).row;
    const referenceHits = await reference.evaluate(facts[i]!);
    const compiledHits = compiled.evaluate(facts[i]!);
    const zenRow = (await decision.evaluate(order)).result.row;
    if (!isDeepStrictEqual(compiledHits, referenceHits))
      throw new Error(`order ${order.id}: compiled hits ≠ json-rules-engine's`);
    const rows = [rowOf(referenceHits[0]), rowOf(compiled.firstHit(facts[i]!)), zenRow];
    if (rows.some((row) => row !== expected))
      throw new Error(`order ${order.id}: rows disagree ${JSON.stringify([expected, ...rows])}`);
    perRow[expected] = (perRow[expected] ?? 0) + 1;
  }
  return perRow;
}

/** Keeps every result observable so no engine's work can be optimised away. */
let sink = 0;
const consume = (row: unknown) => {
  sink += typeof row === 'string' ? row.length : 0;
};

async function zenInFlight(list: readonly RoutingOrder[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) consume((await decision.evaluate(list[next++]!)).result.row);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function main(): Promise<void> {
  console.log(`routing table: ${ROUTING_ROWS.length} rows, ${ORDER_COUNT.toLocaleString('en-US')} orders`);
  const perRow = await checkAgreement();
  console.log(`all engines agree on every order (${Object.keys(perRow).length} rows hit)`);

  // The slow engines time a 20,000-order slice, so each gets three passes within minutes; the
  // fast ones all 100,000 orders, eleven passes. Rates are per order; each engine keeps its best pass.
  const slice = Math.min(SLOW_SLICE, orders.length);
  const slowOrders = orders.slice(0, slice);
  const slowFacts = facts.slice(0, slice);
  const n = orders.length;
  const slow = await measureInterleaved(
    [
      {
        name: 'json-rules-engine',
        orders: slice,
        pass: async () => {
          for (const f of slowFacts) consume(rowOf((await reference.evaluate(f))[0]));
        },
      },
      {
        name: 'zen sequential',
        orders: slice,
        pass: async () => {
          for (const order of slowOrders) consume((await decision.evaluate(order)).result.row);
        },
      },
      { name: `zen ${IN_FLIGHT} in flight`, orders: slice, pass: () => zenInFlight(slowOrders) },
    ],
    3,
  );
  const fast = await measureInterleaved(
    [
      {
        name: 'compiled evaluate',
        orders: n,
        pass: () => {
          for (const f of facts) consume(rowOf(compiled.evaluate(f)[0]));
        },
      },
      {
        name: 'compiled firstHit',
        orders: n,
        pass: () => {
          for (const f of facts) consume(rowOf(compiled.firstHit(f)));
        },
      },
      {
        name: 'hand-written',
        orders: n,
        pass: () => {
          for (const order of orders) consume(routeByHand(order).row);
        },
      },
    ],
    11,
  );
  const results: Measurement[] = [...slow, ...fast];

  const baselines = ['json-rules-engine', 'zen sequential', 'hand-written'];
  console.log(`\n${formatTable(results, baselines)}\n`);

  // Each copy decides one order first, so its generated code is compiled and counted too.
  const memory = {
    compiledBytesPerRuleSet: heapPerCopy(1000, () => {
      const copy = createCompiledEvaluator(JSON.parse(ruleSetText));
      consume(rowOf(copy.evaluate(facts[0]!)[0]));
      consume(rowOf(copy.firstHit(facts[0]!)));
      return copy;
    }),
    jsonRulesEngineBytesPerEngine: heapPerCopy(1000, () => createReferenceEvaluator(JSON.parse(ruleSetText))),
  };
  console.log(
    `heap per compiled rule set (40 rows, 1,000 copies): ${Math.round(memory.compiledBytesPerRuleSet).toLocaleString('en-US')} B;` +
      ` per json-rules-engine Engine: ${Math.round(memory.jsonRulesEngineBytesPerEngine).toLocaleString('en-US')} B`,
  );

  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    rows: ROUTING_ROWS.length,
    orders: n,
    hitsPerRow: perRow,
    measurements: results,
    ratios: Object.fromEntries(
      results.map((r) => [
        r.name,
        Object.fromEntries(
          baselines.map((b) => [b, r.ordersPerSecond / results.find((x) => x.name === b)!.ordersPerSecond]),
        ),
      ]),
    ),
    memory,
    sink,
  };
  writeFileSync(
    new URL('./results/routing-table.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  zen.dispose();
}

await main();
