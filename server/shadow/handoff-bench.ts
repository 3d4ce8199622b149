/**
 * What a shadow costs evaluate's thread per decision (`npm run bench:shadow-handoff`): the observer's
 * outline, and the hand-off of a batch of orders to the shadow's thread, as a structured clone
 * (`postMessage(items)`) or as JSON text in a transferred buffer. The demo's history, decided by the demo
 * pipeline, gives real orders and decisions. Only the sending thread's time is measured: the receiving
 * side is the shadow's, off evaluate's path.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { adaptOrder } from '../../engine/order/adapters/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { demoPipeline, loadDemoStrategies } from '../../samples/tools/demo-pipeline.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import type { ShadowItem } from './messages.ts';

const HANDOFF = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const history = new URL('../../samples/history/demo-2000.ndjson', import.meta.url);

/** The history's first orders that read (it holds a few broken rows on purpose). */
const orders: StandardOrder[] = [];
for (const line of readFileSync(history, 'utf8').split('\n')) {
  if (orders.length === HANDOFF) break;
  try {
    orders.push(adaptOrder('tmall', JSON.parse(line)));
  } catch {
    // A broken row: the next one.
  }
}
const pipeline = demoPipeline(loadDemoStrategies(), 'compiled');
const decisions = await pipeline.decideBatch(orders);

// A sink thread: it receives and drops, so the sender never waits on it.
const sink = new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true });

/** Microseconds per order of one variant, over ROUNDS hand-offs. */
const timeOf = (perBatch: () => void): number => {
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) perBatch();
  return ((performance.now() - started) * 1000) / (ROUNDS * HANDOFF);
};

const items = (): ShadowItem[] =>
  orders.map((order, i) => ({ order, at: Date.now(), live: outlineOf(decisions[i]!) }));
const built = items();
const encoder = new TextEncoder();

const variants: [string, () => void][] = [
  ['observer: outline + buffer (per decision)', () => void items()],
  [
    'hand-off: postMessage(items), structured clone',
    () => sink.postMessage({ type: 'orders', items: built }),
  ],
  [
    'hand-off: JSON text, buffer transferred',
    () => {
      const bytes = encoder.encode(JSON.stringify(built));
      sink.postMessage({ type: 'orders', bytes }, [bytes.buffer]);
    },
  ],
  [
    'hand-off: JSON text as a string',
    () => sink.postMessage({ type: 'orders', text: JSON.stringify(built) }),
  ],
];
// Interleaved repeats, each variant's median reported: the machine's other load falls on all alike.
const REPEATS = 9;
const times = variants.map(() => [] as number[]);
for (const [, run] of variants) timeOf(run); // warm-up
for (let r = 0; r < REPEATS; r++) {
  for (const [i, [, run]] of variants.entries()) times[i]!.push(timeOf(run));
}
for (const [i, [label]] of variants.entries()) {
  const sorted = times[i]!.sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(52)} median ${sorted[REPEATS >> 1]!.toFixed(2).padStart(6)} µs per order (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})\n`,
  );
}
process.stdout.write(
  `(${HANDOFF} orders a hand-off, ${ROUNDS} hand-offs × ${REPEATS} interleaved repeats; one order + outline ≈ ${JSON.stringify(built[0]).length} chars of JSON)\n`,
);
await sink.terminate();
