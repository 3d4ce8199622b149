import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { OrdergraphError } from '../../engine/errors/index.ts';
import { createPipeline } from '../../engine/runtime/index.ts';
import { InMemoryState } from '../../engine/state/index.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
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
// thread's nice value is its own; where that is not supported the shadow runs at normal priority.
const SHADOW_NICE = 19;
try {
  setPriority(SHADOW_NICE);
} catch {
  // Not supported here.
}

let now = 0;
const tally = new DivergenceTally(data.sampleLimit);
const pipeline = createPipeline(data.strategies, {
  engine: data.engine,
  trace: false,
  state: new InMemoryState(data.snapshot),
  clock: () => new Date(now),
  ...(data.client ? { client: data.client } : {}),
});

async function decide(items: readonly ShadowItem[]): Promise<void> {
  const started = performance.now();
  for (const { order, at, live } of items) {
    now = at;
    try {
      tally.add(order.id, at, live, outlineOf(await pipeline.decide(order)));
    } catch (error) {
      // A rule that cannot run on this order fails it alone, as in evaluate; anything else is a bug.
      if (!(error instanceof OrdergraphError)) throw error;
      tally.failed(`${order.id}: ${error.message}`);
    }
  }
  // Nice alone does not keep a busy thread from slowing evaluate on a machine with no idle core (measured:
  // server/shadow/bench.ts), so the shadow also rests in proportion to its work; when it cannot keep up,
  // the queue in front of it fills and live orders are dropped from the comparison, never delayed.
  const busy = performance.now() - started;
  if (data.cpuShare < 1) await sleep((busy * (1 - data.cpuShare)) / data.cpuShare);
  post({ type: 'decided', count: items.length });
}

// One request at a time, in arrival order: a report answers after every order sent before it.
let turn = Promise.resolve();
parentPort!.on('message', (request: ShadowRequest) => {
  turn = turn
    .then(() =>
      request.type === 'orders'
        ? decide(request.items)
        : post({ type: 'report', id: request.id, report: tally.report() }),
    )
    .catch((error: unknown) => {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    });
});
post({ type: 'ready' });
