import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { OrdergraphError } from '../../engine/errors/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { Pipeline } from '../../engine/runtime/index.ts';
import { InMemoryState } from '../../engine/state/index.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import { loadPipelineFactory } from '../../simulate/decide/pipeline-factory.ts';
import { DivergenceTally } from './divergence-tally.ts';
import type { ShadowItem, ShadowReply, ShadowRequest, ShadowWorkerData } from './messages.ts';

/**
 * A shadow thread: the candidate's pipeline over its own copy of the state, deciding each live order
 * again as of the time live decided it, and tallying where the two differ. It consumes gift caps,
 * stock and merge groups in its copy only, so its caps run out when the candidate's would.
 */
const data = workerData as ShadowWorkerData;
const post = (reply: ShadowReply) => parentPort!.postMessage(reply);

// Evaluate answers on the server's event loop: the shadow takes only the CPU it leaves. On Linux a
// thread's nice value is its own, and a process forked from the thread (the plugin sandbox) starts
// with it; where that is not supported the shadow runs at normal priority.
const SHADOW_NICE = 19;
try {
  setPriority(SHADOW_NICE);
} catch {
  // Not supported here.
}

/** Orders decided per sandbox round trip when the candidate calls plugins (evaluate's chunk too). */
const PLUGIN_CHUNK = 100;

const tally = new DivergenceTally(data.sampleLimit);
/** When live decided each order being decided: the candidate's clock reads it per order. */
const decidedAt = new WeakMap<StandardOrder, number>();

async function buildPipeline(): Promise<Pipeline> {
  const { factory, options } = await loadPipelineFactory(data.pipeline);
  return factory(data.strategies, {
    ...options,
    engine: data.engine,
    trace: false,
    state: new InMemoryState(data.snapshot),
    clock: (order) => new Date(decidedAt.get(order) ?? Date.now()),
    ...(data.client ? { client: data.client } : {}),
  });
}

/** One order at a time: a rule that cannot run on an order fails it alone, as in evaluate. */
async function decideEach(pipeline: Pipeline, items: readonly ShadowItem[]): Promise<void> {
  for (const { order, at, live } of items) {
    try {
      tally.add(order.id, at, live, outlineOf(await pipeline.decide(order)));
    } catch (error) {
      if (!(error instanceof OrdergraphError)) throw error;
      tally.failed(`${order.id}: ${error.message}`);
    }
  }
}

/**
 * A chunk per sandbox round trip, as evaluate decides a batch with plugins. A plugin that throws,
 * loops or runs out of memory is no error here: its sandbox answers a failure, and the pipeline holds
 * the order (fail-closed) as live would, which the tally counts as a divergence. A rule that throws
 * fails its whole chunk, as in evaluate, since the pipeline cannot say which order it was.
 */
async function decideChunked(pipeline: Pipeline, items: readonly ShadowItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += PLUGIN_CHUNK) {
    const chunk = items.slice(start, start + PLUGIN_CHUNK);
    for (const { order, at } of chunk) decidedAt.set(order, at);
    try {
      const decisions = await pipeline.decideBatch(chunk.map((item) => item.order));
      for (const [i, { order, at, live }] of chunk.entries()) {
        tally.add(order.id, at, live, outlineOf(decisions[i]!));
      }
    } catch (error) {
      if (!(error instanceof OrdergraphError)) throw error;
      for (const { order } of chunk) tally.failed(`${order.id}: ${error.message}`);
    }
  }
}

async function decide(pipeline: Pipeline, items: readonly ShadowItem[]): Promise<void> {
  const started = performance.now();
  if (data.pipeline) await decideChunked(pipeline, items);
  else {
    for (const { order, at } of items) decidedAt.set(order, at);
    await decideEach(pipeline, items);
  }
  // Nice alone does not keep a busy thread from slowing evaluate on a machine with no idle core (measured:
  // server/shadow/bench.ts), so the shadow also rests in proportion to its work; when it cannot keep up,
  // the queue in front of it fills and live orders are dropped from the comparison, never delayed. The
  // time waited on the sandbox counts as work: the plugins' CPU is spent meanwhile, in its process.
  const busy = performance.now() - started;
  if (data.cpuShare < 1) await sleep((busy * (1 - data.cpuShare)) / data.cpuShare);
  post({ type: 'decided', count: items.length });
}

const fail = (error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
};

// One request at a time, in arrival order, once the pipeline is built: a report answers after every
// order sent before it.
const built = buildPipeline();
let turn: Promise<unknown> = built.then(() => post({ type: 'ready' }), fail);
parentPort!.on('message', (request: ShadowRequest) => {
  turn = turn
    .then(async () => {
      const pipeline = await built;
      if (request.type === 'orders') await decide(pipeline, JSON.parse(request.json) as ShadowItem[]);
      else post({ type: 'report', id: request.id, report: tally.report() });
    })
    .catch(fail);
});
