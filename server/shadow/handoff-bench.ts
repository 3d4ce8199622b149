/**
 * What a shadow costs evaluate's thread per decision (`npm run bench:shadow-handoff`): the observer's
 * outline, each item's JSON as `offer` makes it, and the hand-off of a batch to the shadow's process as
 * the server sends it (one JSON string over the IPC channel, V8 serialisation), against the same string
 * to a worker thread and a structured clone of the objects. The demo's history, decided by the demo
 * pipeline, gives real orders and decisions. Only the sending side's time is measured: the receiving
 * side is the shadow's, off evaluate's path.
 */
import { fork } from 'node:child_process';
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

// Sinks, a thread and a process: they receive and drop, so the sender never waits on them.
const sink = new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true });
const sinkProcess = fork('-e', ["process.on('message', () => {})"], {
  execArgv: [],
  serialization: 'advanced',
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

/** Microseconds per order of one variant, over ROUNDS hand-offs. */
const timeOf = (perBatch: () => void): number => {
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) perBatch();
  return ((performance.now() - started) * 1000) / (ROUNDS * HANDOFF);
};

const items = (): ShadowItem[] =>
  orders.map((order, i) => ({ order, at: Date.now(), live: outlineOf(decisions[i]!) }));
const built = items();
const joined = () => `[${built.map((item) => JSON.stringify(item)).join(',')}]`;
const json = joined();

const variants: [string, () => void][] = [
  ['observer: outline + item (per decision)', () => void items()],
  ['offer: JSON.stringify of each item, joined', () => void joined()],
  ['hand-off: the JSON string to the shadow process', () => void sinkProcess.send({ type: 'orders', json })],
  ['hand-off: the JSON string to a worker thread', () => sink.postMessage({ type: 'orders', json })],
  [
    'hand-off: postMessage(items), structured clone',
    () => sink.postMessage({ type: 'orders', items: built }),
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
sinkProcess.kill();
