/**
 * Issue 18's guard: sha-256 of everything the read path and the pipeline produce over the demo
 * history (samples/history/demo-2000.ndjson) and 25,000 generated orders (fixed seed), for both
 * engines, with and without traces, plus each pipeline's end state. A speed-up must leave every
 * hash as it was. Run: `node --import tsx bench/decision-hash.ts [--engines compiled,reference]`.
 *
 * The history is decided at each order's own pay time (as `ordergraph simulate` does), the
 * generated orders at DECIDED_AT (as the pipeline bench does), so both clocks' paths are covered.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../engine/order/adapters/index.ts';
import { parseOrderJson } from '../engine/order/raw-json.ts';
import type { StandardOrder } from '../engine/order/schema.ts';
import { createPipeline, ENGINE_NAMES, type EngineName } from '../engine/runtime/index.ts';
import { InMemoryState } from '../engine/state/index.ts';
import { DECIDED_AT, demoStock, loadDemoStrategies, payTime } from '../samples/tools/demo-pipeline.ts';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: ENGINE_NAMES.join(',') },
    generated: { type: 'string', default: '25000' },
  },
});
const engines = values.engines.split(',') as EngineName[];
const strategies = loadDemoStrategies();

interface OrderSet {
  name: string;
  lines: string[];
  clock: (order: StandardOrder) => Date;
}

const history = readFileSync(new URL('../samples/history/demo-2000.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const generated = [
  ...generateOrders({ client: strategies.client, count: Number(values.generated), seed: 'decision-hash' }),
].map((raw) => JSON.stringify(raw));

const SETS: readonly OrderSet[] = [
  { name: 'demo-2000', lines: history, clock: (order) => new Date(payTime(order)) },
  { name: `generated-${generated.length}`, lines: generated, clock: () => DECIDED_AT },
];

const sha = () => createHash('sha256');

/** The standard orders, or the error each line gave: the read path's output. */
function readAll(lines: readonly string[]): { orders: StandardOrder[]; hash: string } {
  const hash = sha();
  const orders: StandardOrder[] = [];
  for (const [i, text] of lines.entries()) {
    try {
      const raw = parseOrderJson(text);
      const order = adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: i + 1 });
      orders.push(order);
      hash.update(`${JSON.stringify(order)}\n`);
    } catch (error) {
      hash.update(`error ${i + 1}: ${(error as Error).message}\n`);
    }
  }
  return { orders, hash: hash.digest('hex') };
}

/** Decides every order on a pipeline of the demo strategies from the demo stock, as demoPipeline makes one. */
async function decideAll(
  set: OrderSet,
  orders: readonly StandardOrder[],
  engine: EngineName,
  trace: boolean,
): Promise<{ decisions: string; state: string }> {
  const state = new InMemoryState(demoStock());
  const { client, compiled } = strategies;
  const pipeline = createPipeline(compiled, { engine, client, state, clock: set.clock, trace });
  const decisions = sha();
  for (const order of orders) decisions.update(`${JSON.stringify(await pipeline.decide(order))}\n`);
  return {
    decisions: decisions.digest('hex'),
    state: sha().update(JSON.stringify(state.snapshot())).digest('hex'),
  };
}

const results: Record<string, string> = {};
for (const set of SETS) {
  const started = performance.now();
  const { orders, hash } = readAll(set.lines);
  results[`${set.name} read`] = hash;
  for (const engine of engines) {
    for (const trace of [false, true]) {
      const { decisions, state } = await decideAll(set, orders, engine, trace);
      const label = `${set.name} ${engine}${trace ? ' trace' : ''}`;
      results[`${label} decisions`] = decisions;
      results[`${label} state`] = state;
    }
  }
  console.error(`${set.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
for (const [label, hash] of Object.entries(results)) console.log(`${hash}  ${label}`);
