import type { Client } from '../../client/schema.ts';
import type { CompiledStrategy } from '../../compiler/index.ts';
import type { Decision, TraceEntry } from '../../decision/decision.ts';
import { type OrderFacts, orderFacts, readPath } from '../../facts/index.ts';
import { FAMILIES } from '../../graph/schema.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { type OrderPlugins, type PipelinePlugins, preparePlugins } from '../../plugins/index.ts';
import { InMemoryState, type StrategyState } from '../../state/index.ts';
import { createEvaluator } from '../create-evaluator.ts';
import type { EngineName, RuleEvaluator, RuleHit } from '../evaluator.ts';
import { DecisionBuilder, type PreparedEvent, prepareEvent } from './decision-builder.ts';
import { factsRead } from './facts-read.ts';
import { selectHits } from './hit-policy.ts';

export interface PipelineOptions {
  engine?: EngineName;
  trace?: boolean;
  /** The client's master data, for events that read warehouses, carriers or SKUs. */
  client?: Client;
  /** Counters, stock and buyer history; a fresh in-memory state when not given. */
  state?: StrategyState;
  /**
   * The decision time: computed facts such as `minutesSincePaid` measure from it and events read it
   * (`ApplyContext.now`: hold release times). Simulation fixes it to the order's own time.
   */
  clock?: (order: StandardOrder) => Date;
  /** The plugin host and installed builds, when the strategies call plugins (engine/plugins). */
  plugins?: PipelinePlugins;
}

interface Stage {
  strategy: CompiledStrategy;
  evaluator: RuleEvaluator;
  factPaths: Map<string, string[]>;
  prepared: Map<string, PreparedEvent>;
}

export interface Pipeline {
  readonly stages: readonly CompiledStrategy[];
  readonly state: StrategyState;
  /** Decides orders one at a time, in call order, so state is consumed in processing order. */
  decide(order: StandardOrder): Promise<Decision>;
  /**
   * Decides a batch, in order, after calling each plugin the strategies use once for the whole batch:
   * a batch of n costs one sandbox round trip per plugin, not n. `decide` is a batch of one.
   */
  decideBatch(orders: readonly StandardOrder[]): Promise<Decision[]>;
}

const stageRank = (s: CompiledStrategy) => FAMILIES.indexOf(s.family);

/**
 * Runs strategies in stage order (remark → approval → … → tag), each reading what earlier stages
 * decided, and folds their events into one decision per order.
 */
export function createPipeline(
  strategies: readonly CompiledStrategy[],
  options: PipelineOptions = {},
): Pipeline {
  const engine = options.engine ?? 'compiled';
  const ordered = [...strategies].sort(
    (a, b) => stageRank(a) - stageRank(b) || (a.strategyId < b.strategyId ? -1 : 1),
  );
  // Plugin operators in conditions are rewritten to read answers computed before the stages.
  const plugins = preparePlugins(ordered, options.plugins);
  const stages: Stage[] = (plugins?.strategies ?? ordered).map((strategy) => ({
    strategy,
    evaluator: createEvaluator({ rules: strategy.rules, conditions: {} }, engine),
    factPaths: new Map(strategy.rules.map((rule) => [rule.name, factsRead(rule.conditions)])),
    prepared: new Map(strategy.rules.map((rule) => [rule.name, prepareEvent(rule.event)])),
  }));
  const families = new Set(ordered.map((s) => s.family));
  const state = options.state ?? new InMemoryState();
  const clock = options.clock ?? (() => new Date());

  const decideNow = async (order: StandardOrder, precomputed?: OrderPlugins): Promise<Decision> => {
    // One clock reading per order: the facts and the events (hold release times) share it.
    const now = clock(order);
    const builder = new DecisionBuilder(order, options.client, state, now);
    const trace: TraceEntry[] = [];
    const facts: OrderFacts = orderFacts(
      { order, client: options.client, state, now },
      builder.decision.extracted,
      builder.view(),
    );
    if (precomputed) {
      Object.assign(facts, precomputed.facts);
      for (const hold of precomputed.holds) builder.hold(hold.reason, hold.message, hold.origin);
    }
    for (const stage of stages) {
      facts.decision = builder.view();
      const result = stage.evaluator.evaluate(facts as unknown as Record<string, unknown>);
      const hits = selectHits(stage.strategy, result instanceof Promise ? await result : result);
      for (const hit of hits) {
        const origin = originOf(stage, hit);
        const prepared = hit.name === undefined ? undefined : stage.prepared.get(hit.name);
        builder.apply(hit.event, origin, precomputed?.prepare(prepared) ?? prepared);
        if (options.trace) trace.push(traceEntry(stage, hit, facts));
      }
    }
    if (families.has('routing') && !isPlaced(builder.decision)) {
      builder.holdUnlessHeld('no_warehouse', 'no routing rule chose a warehouse for this order');
    }
    if (families.has('carrier') && builder.decision.carrier === null) {
      builder.holdUnlessHeld('no_carrier', 'no carrier rule matched this order');
    }
    state.recordBuyerOrder(order.buyer.id);
    state.recordOrder(order.id);
    const decision = builder.finish();
    if (options.trace) decision.trace = trace;
    return decision;
  };

  // A reference-engine decision awaits between stages; chaining keeps two orders from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const decideBatch = (orders: readonly StandardOrder[]): Promise<Decision[]> => {
    // Plugin results depend on the orders alone, not on state, so a batch's plugin calls start at once,
    // overlapping the batches still being decided.
    const precomputing = plugins?.precompute(orders);
    precomputing?.catch(() => undefined);
    return enqueue(async () => {
      const precomputed = await precomputing;
      const decisions: Decision[] = [];
      for (const [i, order] of orders.entries()) decisions.push(await decideNow(order, precomputed?.[i]));
      return decisions;
    });
  };
  return {
    stages: ordered,
    state,
    decide: (order) =>
      plugins ? decideBatch([order]).then((decisions) => decisions[0]!) : enqueue(() => decideNow(order)),
    decideBatch,
  };
}

/** Placed when it ships whole from one warehouse, or every parcel has one. */
function isPlaced(decision: Decision): boolean {
  if (decision.warehouse !== null) return true;
  return decision.parcels.length > 0 && decision.parcels.every((parcel) => parcel.warehouse !== null);
}

function originOf(stage: Stage, hit: RuleHit) {
  const entry = hit.name === undefined ? undefined : stage.strategy.sourceMap[hit.name];
  return { strategyId: stage.strategy.strategyId, nodeId: entry?.emitterId ?? hit.name ?? '' };
}

function traceEntry(stage: Stage, hit: RuleHit, facts: OrderFacts): TraceEntry {
  const name = hit.name ?? '';
  const entry = stage.strategy.sourceMap[name];
  const read: Record<string, unknown> = {};
  for (const path of stage.factPaths.get(name) ?? []) read[path] = readPath(facts, path) ?? null;
  return {
    strategyId: stage.strategy.strategyId,
    rule: name,
    nodeIds: entry?.nodeIds ?? [],
    edgeIds: entry?.edgeIds ?? [],
    event: hit.event,
    facts: read,
  };
}
