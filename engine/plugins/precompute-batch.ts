import type {
  DeterministicClock,
  OperatorSubject,
  PluginCallInput,
  PluginRef,
  PluginRunner,
} from '../../plugins/sdk/index.ts';
import { readPath } from '../facts/index.ts';
import type { StandardOrder } from '../order/schema.ts';
import { callIsolated } from './call-isolated.ts';
import { type DeterministicPlugins, operatorClock, orderClock } from './deterministic-clock.ts';
import { failedFacts } from './fail-closed.ts';
import { OrderPlugins } from './order-plugins.ts';
import { compileProjection, type OrderProjection } from './order-projection.ts';
import type { ActionCall, FactCall, OperatorCall, PluginPlan } from './plugin-calls.ts';

export interface PrecomputeOptions {
  runner: PluginRunner;
  deterministic?: DeterministicPlugins | undefined;
}

interface Batch {
  orders: readonly StandardOrder[];
  out: readonly OrderPlugins[];
  /** One per order in deterministic mode. */
  clocks: DeterministicClock[] | undefined;
  options: PrecomputeOptions;
  /** Each fact and action call's projection of an order, compiled once for the plan. */
  projections: ReadonlyMap<FactCall | ActionCall, OrderProjection>;
}

/**
 * The precompute of a plan: calls every plugin of the plan once for the whole batch, all at once (the
 * runner spreads the calls over its workers), each with its projected orders, and files every result
 * under its order.
 */
export function batchPrecompute(
  plan: PluginPlan,
  options: PrecomputeOptions,
): (orders: readonly StandardOrder[]) => Promise<OrderPlugins[]> {
  const projections = new Map<FactCall | ActionCall, OrderProjection>(
    [...plan.facts, ...plan.actions].map((call) => [call, compileProjection(call.manifest.reads)]),
  );
  return async (orders) => {
    const out = orders.map(() => new OrderPlugins());
    if (orders.length === 0) return out;
    const { deterministic } = options;
    const clocks = deterministic && orders.map((order) => orderClock(order, deterministic));
    const batch: Batch = { orders, out, clocks, options, projections };
    await Promise.all([
      ...plan.facts.map((call) => computeFacts(call, batch)),
      ...plan.actions.map((call) => computeAction(call, batch)),
      ...plan.operators.map((call) => answerOperators(call, batch)),
    ]);
    return out;
  };
}

async function computeFacts(call: FactCall, batch: Batch): Promise<void> {
  const { out, clocks, options } = batch;
  const results = await callIsolated(options.runner, refOf(call), orderInputs(call, batch), clocks);
  results.forEach((result, i) => {
    out[i]!.setFact(call.manifest.id, result.ok ? result.value : failedFacts(call.manifest));
    if (!result.ok) out[i]!.fail(call.manifest, result.error, originOf(call));
  });
}

/** Kept whatever it is: the hold for a failure comes when an order reaches the action's node. */
async function computeAction(call: ActionCall, batch: Batch): Promise<void> {
  const { out, clocks, options } = batch;
  const results = await callIsolated(options.runner, refOf(call), orderInputs(call, batch), clocks);
  results.forEach((result, i) => {
    out[i]!.setAction(call.key, result);
  });
}

/**
 * Each distinct (fact value, rule value) pair in the batch is asked once: most orders share a few fact
 * values (an empty buyer message above all), so a batch needs far fewer answers than orders × slots.
 */
async function answerOperators(call: OperatorCall, { orders, out, options }: Batch): Promise<void> {
  const pairs = new Map<string, number>();
  const inputs: PluginCallInput[] = [];
  const asked = orders.map((order) =>
    call.slots.map((slot) => {
      const subject: OperatorSubject = { fact: readPath(order, slot.fact) ?? null, value: slot.value };
      const key = JSON.stringify(subject);
      let index = pairs.get(key);
      if (index === undefined) {
        index = inputs.push({ subject, params: {} }) - 1;
        pairs.set(key, index);
      }
      return index;
    }),
  );
  const { deterministic } = options;
  const clocks = deterministic && inputs.map(() => operatorClock(deterministic));
  const answers = await callIsolated(options.runner, refOf(call), inputs, clocks);
  asked.forEach((indexes, i) => {
    indexes.forEach((index, s) => {
      const answer = answers[index]!;
      if (answer.ok) out[i]!.setOperator(call.slots[s]!.name, answer.value as boolean);
      else out[i]!.fail(call.manifest, answer.error, originOf(call));
    });
  });
}

/** Only the fields the manifest reads cross into the sandbox: most of a call's cost is copying. */
function orderInputs(call: FactCall | ActionCall, { orders, projections }: Batch): PluginCallInput[] {
  const project = projections.get(call)!;
  return orders.map((order) => ({ subject: project(order), params: call.params }));
}

function refOf(call: FactCall | ActionCall | OperatorCall): PluginRef {
  return { clientId: call.clientId, pluginId: call.manifest.id, version: call.manifest.version };
}

function originOf(call: FactCall | OperatorCall) {
  return { strategyId: call.site.strategyId, nodeId: call.site.nodeId };
}
