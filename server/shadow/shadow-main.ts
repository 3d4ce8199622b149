import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { OrdergraphError } from '../../engine/errors/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { Pipeline } from '../../engine/runtime/index.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import { loadPipelineFactory } from '../../simulate/decide/pipeline-factory.ts';
import { DivergenceTally } from './divergence-tally.ts';
import type { ShadowItem, ShadowReply, ShadowRequest, ShadowStart } from './messages.ts';
import { ReplaceableState } from './replaceable-state.ts';

/**
 * A shadow's process: the candidate's pipeline over its own copy of the state, deciding each live order
 * again as of the time live decided it, and tallying where the two differ. It consumes gift caps,
 * stock and merge groups in its copy only, so its caps run out when the candidate's would. The server
 * starts it (shadow-process.ts) and sends `start` first.
 */
const post = (reply: ShadowReply) => process.send?.(reply);

// Started through nice(1) where there is one, so every thread of it runs at the lowest priority; the
// main thread nices itself too, for where there is not (the plugin sandbox it forks starts with it).
const SHADOW_NICE = 19;
try {
  setPriority(SHADOW_NICE);
} catch {
  // Not supported here.
}

/** Orders decided per sandbox round trip when the candidate calls plugins (evaluate's chunk too). */
const PLUGIN_CHUNK = 100;

/** When live decided each order being decided: the candidate's clock reads it per order. */
const decidedAt = new WeakMap<StandardOrder, number>();

async function buildPipeline(data: ShadowStart, state: ReplaceableState): Promise<Pipeline> {
  const { factory, options } = await loadPipelineFactory(data.pipeline);
  return factory(data.strategies, {
    ...options,
    engine: data.engine,
    trace: false,
    state,
    clock: (order) => new Date(decidedAt.get(order) ?? Date.now()),
    ...(data.client ? { client: data.client } : {}),
  });
}

/** One order at a time: a rule that cannot run on an order fails it alone, as in evaluate. */
async function decideEach(
  pipeline: Pipeline,
  tally: DivergenceTally,
  items: readonly ShadowItem[],
): Promise<void> {
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
async function decideChunked(
  pipeline: Pipeline,
  tally: DivergenceTally,
  items: readonly ShadowItem[],
): Promise<void> {
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

interface Shadow {
  data: ShadowStart;
  pipeline: Pipeline;
  state: ReplaceableState;
  tally: DivergenceTally;
}

async function decide({ data, pipeline, tally }: Shadow, items: readonly ShadowItem[]): Promise<void> {
  const started = performance.now();
  if (data.pipeline) await decideChunked(pipeline, tally, items);
  else {
    for (const { order, at } of items) decidedAt.set(order, at);
    await decideEach(pipeline, tally, items);
  }
  // Nice alone does not keep a busy thread from slowing evaluate on a machine with no idle core (measured:
  // server/shadow/bench.ts), so the shadow also rests in proportion to its work; when it cannot keep up,
  // the queue in front of it fills and live orders are dropped from the comparison, never delayed. The
  // time waited on the sandbox counts as work: the plugins' CPU is spent meanwhile, in its process.
  const busy = performance.now() - started;
  if (data.cpuShare < 1) await sleep((busy * (1 - data.cpuShare)) / data.cpuShare);
  post({ type: 'decided', count: items.length });
}

/** Says why, then ends once the message is written: the server reports it (422 `shadow_cannot_run`). */
const fail = (error: unknown) => {
  const reply: ShadowReply = {
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  };
  if (process.send) process.send(reply, () => process.exit(1));
  else process.exit(1);
};

// One request at a time, in arrival order, once the pipeline is built: a report answers after every
// order sent before it.
let shadow: Promise<Shadow> | undefined;
let turn: Promise<unknown> = Promise.resolve();
process.on('message', (request: ShadowRequest) => {
  if (request.type === 'start') {
    const data = request.start;
    const state = new ReplaceableState(data.snapshot);
    shadow = buildPipeline(data, state).then((pipeline) => ({
      data,
      pipeline,
      state,
      tally: new DivergenceTally(data.sampleLimit),
    }));
    turn = shadow.then(() => post({ type: 'ready' }), fail);
    return;
  }
  turn = turn
    .then(async () => {
      if (!shadow) throw new Error(`"${request.type}" came before "start"`);
      const started = await shadow;
      if (request.type === 'orders') await decide(started, JSON.parse(request.json) as ShadowItem[]);
      else if (request.type === 'state') started.state.replace(request.snapshot);
      else post({ type: 'report', id: request.id, report: started.tally.report() });
    })
    .catch(fail);
});
// The server went away (or stopped this shadow): nothing is left to decide for.
process.on('disconnect', () => process.exit(0));
