import type { Client } from '../../client/schema.ts';
import type { CompiledStrategy } from '../../compiler/index.ts';
import type { Decision, TraceEntry } from '../../decision/decision.ts';
import { type OrderFacts, orderFacts, readPath } from '../../facts/index.ts';
import { FAMILIES } from '../../graph/schema.ts';
import type { StandardOrder } from '../../order/schema.ts';
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
  /** The decision time computed facts such as `minutesSincePaid` measure from; simulation fixes it. */
  clock?: (order: StandardOrder) => Date;
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
  const stages: Stage[] = ordered.map((strategy) => ({
    strategy,
    evaluator: createEvaluator({ rules: strategy.rules, conditions: {} }, engine),
    factPaths: new Map(strategy.rules.map((rule) => [rule.name, factsRead(rule.conditions)])),
    prepared: new Map(strategy.rules.map((rule) => [rule.name, prepareEvent(rule.event)])),
  }));
  const families = new Set(ordered.map((s) => s.family));
  const state = options.state ?? new InMemoryState();
  const clock = options.clock ?? (() => new Date());

  const decideNow = async (order: StandardOrder): Promise<Decision> => {
    const builder = new DecisionBuilder(order, options.client, state);
    const trace: TraceEntry[] = [];
    const facts: OrderFacts = orderFacts(
      { order, client: options.client, state, now: clock(order) },
      builder.decision.extracted,
      builder.view(),
    );
    for (const stage of stages) {
      facts.decision = builder.view();
      const result = stage.evaluator.evaluate(facts as unknown as Record<string, unknown>);
      const hits = selectHits(stage.strategy, result instanceof Promise ? await result : result);
      for (const hit of hits) {
        const origin = originOf(stage, hit);
        const prepared = hit.name === undefined ? undefined : stage.prepared.get(hit.name);
        builder.apply(hit.event, origin, prepared);
        if (options.trace) trace.push(traceEntry(stage, hit, facts));
      }
    }
    // A stage that already held the order for the same reason said more than this generic hold would.
    const holdUnless = (reason: string, message: string) => {
      if (!builder.decision.holds.some((h) => h.reason === reason)) builder.hold(reason, message);
    };
    if (families.has('routing') && !isPlaced(builder.decision)) {
      holdUnless('no_warehouse', 'no routing rule chose a warehouse for this order');
    }
    if (families.has('carrier') && builder.decision.carrier === null) {
      holdUnless('no_carrier', 'no carrier rule matched this order');
    }
    state.recordBuyerOrder(order.buyer.id);
    state.recordOrder(order.id);
    const decision = builder.finish();
    if (options.trace) decision.trace = trace;
    return decision;
  };

  // A reference-engine decision awaits between stages; chaining keeps two orders from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    stages: ordered,
    state,
    decide(order) {
      const next = queue.then(() => decideNow(order));
      queue = next.catch(() => undefined);
      return next;
    },
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
