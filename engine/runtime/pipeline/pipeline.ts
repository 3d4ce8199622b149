import type { Client } from '../../client/schema.ts';
import type { CompiledStrategy } from '../../compiler/index.ts';
import type { Decision, DecisionEvent, TraceEntry } from '../../decision/decision.ts';
import type { EventOrigin } from '../../events/index.ts';
import {
  FACT_PROVIDERS,
  type FactProvider,
  factsBuilder,
  generatedFactsBuilder,
  type OrderFacts,
} from '../../facts/index.ts';
import { FAMILIES } from '../../graph/schema.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { type OrderPlugins, type PipelinePlugins, preparePlugins } from '../../plugins/index.ts';
import type { RuleEvent } from '../../rules/schema.ts';
import { InMemoryState, type StrategyState } from '../../state/index.ts';
import { type CompiledEvaluator, plainFactsCheck } from '../compiled/index.ts';
import { createEvaluator } from '../create-evaluator.ts';
import type { EngineName, RuleEvaluator, RuleHit } from '../evaluator.ts';
import { DecisionBuilder, eventEntry, type PreparedEvent, prepareEvent } from './decision-builder.ts';
import { factNames, factsRead } from './facts-read.ts';

export interface PipelineOptions {
  engine?: EngineName;
  /**
   * Adds `decision.trace`, an entry per fired rule with the facts it read. `'rules'`: the fired rules
   * and their nodes only, each entry's `facts` left empty — what counting rule hits needs (simulation),
   * without copying the facts each rule read (about a quarter of a traced `decide`, measured).
   */
  trace?: boolean | 'rules';
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
  /**
   * Sees the facts each stage is about to read (they change after: copy what you keep). The test panel
   * keeps its draft's, to say which test kept a node from firing.
   */
  beforeStage?: (strategyId: string, facts: Readonly<OrderFacts>) => void;
}

/** What the pipeline needs of one rule when it hits, worked out once when the pipeline is built. */
interface RuleInfo {
  origin: EventOrigin;
  prepared: PreparedEvent;
  /**
   * Its entry in `decision.events` for the hit event `entrySource`, once a compiled stage's hit made
   * it: shared by every decision the rule fires in (frozen, as the hit's event is), not one per event
   * applied.
   */
  entry: Readonly<DecisionEvent> | undefined;
  entrySource: RuleEvent | undefined;
  /** Its decision table, under `collect`: only the first hit row of a group counts. */
  group: string | undefined;
  /** Its nodes and edges and the fact paths it reads (split once), for its trace entries. */
  trace: TraceInfo;
}

interface TraceInfo {
  nodeIds: string[];
  edgeIds: string[];
  reads: { path: string; keys: string[] }[];
}

const NO_TRACE_READS: TraceInfo['reads'] = [];
/** A `trace: 'rules'` entry's facts: none recorded. */
const NOTHING_READ: Record<string, unknown> = Object.freeze({});

interface Stage {
  strategy: CompiledStrategy;
  evaluator: RuleEvaluator;
  /** The evaluator, when it is the compiled one. */
  compiled: CompiledEvaluator | undefined;
  rules: Map<string, RuleInfo>;
  /**
   * The rule behind each of the compiled evaluator's hits, by the rule's index (`ruleHits`): what
   * `rules` gives for the hit's name, found once, not by name at every hit (5 lookups an order in
   * the demo).
   */
  ruleAt: (RuleInfo | undefined)[];
  /** Its rules name the `decision` fact: only then does it need a fresh view of the decision so far. */
  readsDecision: boolean;
  /**
   * Where the compiled evaluator writes the rules that fired, the first `evaluatePlain` returns of
   * them valid: one array per stage, not one per order and stage. Decisions run one at a time (see
   * `decide`), and a stage's hits are applied before the next decision evaluates it.
   */
  fired: number[];
}

export interface Pipeline {
  readonly stages: readonly CompiledStrategy[];
  readonly state: StrategyState;
  /**
   * Decides orders one at a time, in call order, so state is consumed in processing order. When the
   * pipeline is idle and runs no plugin, the decision (and its state changes) is made before this returns.
   */
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
  const stages: Stage[] = (plugins?.strategies ?? ordered).map(buildStage(engine));
  // Computed facts no rule reads are not computed: no event or trace reads the facts.
  const buildFacts = (engine === 'compiled' ? generatedFactsBuilder : factsBuilder)(factsReadBy(stages));
  const families = new Set(ordered.map((s) => s.family));
  const state = options.state ?? new InMemoryState();
  const clock = options.clock ?? (() => new Date());
  const traceFacts = options.trace !== 'rules';

  /** An order's decision before the stages: the plugins' facts and holds in, the facts computed. */
  const begin = (order: StandardOrder, precomputed: OrderPlugins | undefined): Deciding => {
    // One clock reading per order: the facts and the events (hold release times) share it.
    const now = clock(order);
    const builder = new DecisionBuilder(order, options.client, state, now);
    const facts = buildFacts(
      { order, client: options.client, state, now },
      builder.decision.extracted,
      builder.view(),
    );
    if (precomputed) {
      Object.assign(facts, precomputed.facts);
      for (const hold of precomputed.holds) builder.hold(hold.reason, hold.message, hold.origin);
    }
    return { builder, facts, trace: options.trace ? [] : undefined, traceFacts, precomputed };
  };

  const end = (order: StandardOrder, { builder, trace }: Deciding): Decision => {
    if (families.has('routing') && !isPlaced(builder.decision)) {
      builder.holdUnlessHeld('no_warehouse', 'no routing rule chose a warehouse for this order');
    }
    if (families.has('carrier') && builder.decision.carrier === null) {
      builder.holdUnlessHeld('no_carrier', 'no carrier rule matched this order');
    }
    state.recordBuyerOrder(order.buyer.id);
    state.recordOrder(order.id);
    const decision = builder.finish();
    if (trace) decision.trace = trace;
    return decision;
  };

  // Two drivers of the same steps. Every stage on the compiled runtime answers at once, and a plain
  // function keeps its locals in registers where an async one (even never suspended) keeps them in
  // a heap context; json-rules-engine, or a stage falling back to it, answers with a promise.
  const decideSync = (order: StandardOrder, precomputed?: OrderPlugins): Decision => {
    const deciding = begin(order, precomputed);
    const { facts } = deciding;
    const plain = plainFacts?.(facts) === true;
    for (const stage of stages) {
      if (stage.readsDecision || options.beforeStage) facts.decision = deciding.builder.view();
      options.beforeStage?.(stage.strategy.strategyId, facts);
      const compiled = stage.compiled;
      if (plain && compiled !== undefined && !refused(facts.extracted)) {
        const count = compiled.evaluatePlain(facts, stage.fired);
        applyHits(stage, compiled.ruleHits, count, deciding, stage.fired);
      } else {
        const hits = stage.evaluator.evaluate(facts) as RuleHit[];
        applyHits(stage, hits, hits.length, deciding);
      }
    }
    return end(order, deciding);
  };
  const decideAsync = async (order: StandardOrder, precomputed?: OrderPlugins): Promise<Decision> => {
    const deciding = begin(order, precomputed);
    for (const stage of stages) {
      if (stage.readsDecision || options.beforeStage) deciding.facts.decision = deciding.builder.view();
      options.beforeStage?.(stage.strategy.strategyId, deciding.facts);
      const hits = await stage.evaluator.evaluate(deciding.facts);
      applyHits(stage, hits, hits.length, deciding);
    }
    return end(order, deciding);
  };
  const synchronous = stages.every((stage) => stage.evaluator.engine === 'compiled');
  /**
   * A compiled stage refuses a fact that is a function or an object with a `then` function (what
   * json-rules-engine would call or await), checking each fact it reads, at every stage (a twentieth
   * of decide, measured). Within one decision the facts hold the same values from stage to stage,
   * but for `decision` (a view the builder makes: always plain) and what `extracted` holds (checked
   * at each stage): so one check per order of every fact the stages read says whether any stage
   * would refuse one. When none would, the stages skip their checks; otherwise they check as ever,
   * and the same stage refuses the same fact. Not with `beforeStage`, which could change the facts.
   */
  const plainFacts = synchronous && !options.beforeStage ? plainFactsCheck(factsLoaded(stages)) : undefined;
  const decideNow = synchronous ? decideSync : decideAsync;

  // A reference-engine decision awaits between stages; chaining keeps two orders from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  /** Work queued and not finished yet, and whether a decision runs right now (`beforeStage` may call back in). */
  let queued = 0;
  let running = false;
  const settled = () => {
    queued--;
  };
  const enqueue = <T>(work: () => T | Promise<T>): Promise<T> => {
    queued++;
    const next = queue.then(work);
    next.then(settled, settled);
    queue = next.catch(() => undefined);
    return next;
  };
  /**
   * Decides at once, when every stage answers synchronously, no plugin is called and nothing is
   * queued or running: the order's state changes land in the same sequence as through the queue,
   * only before `decide` returns instead of a microtask later. The queue's two promises and two
   * closures per order were 3.4 % of decide's profile samples.
   */
  const decideAtOnce = (order: StandardOrder): Promise<Decision> => {
    running = true;
    try {
      return Promise.resolve(decideSync(order));
    } catch (error) {
      return Promise.reject(error);
    } finally {
      running = false;
    }
  };
  const canDecideAtOnce = synchronous && !plugins;
  const decideBatch = (orders: readonly StandardOrder[]): Promise<Decision[]> => {
    // Plugin results depend on the orders alone, not on state, so a batch's plugin calls start at once,
    // overlapping the batches still being decided.
    const precomputing = plugins?.precompute(orders);
    precomputing?.catch(() => undefined);
    return enqueue(async () => {
      const precomputed = await precomputing;
      const decisions: Decision[] = [];
      for (const [i, order] of orders.entries()) {
        decisions.push(
          synchronous ? decideSync(order, precomputed?.[i]) : await decideAsync(order, precomputed?.[i]),
        );
      }
      return decisions;
    });
  };
  return {
    stages: ordered,
    state,
    decide: (order) => {
      if (canDecideAtOnce && queued === 0 && !running) return decideAtOnce(order);
      return plugins
        ? decideBatch([order]).then((decisions) => decisions[0]!)
        : enqueue(() => decideNow(order));
    },
    decideBatch,
  };
}

/** One order's decision between stages. */
interface Deciding {
  builder: DecisionBuilder;
  facts: OrderFacts;
  /** Collected when the pipeline traces. */
  trace: TraceEntry[] | undefined;
  /** Whether trace entries say which facts the rule read (`trace: true`), or stay empty (`'rules'`). */
  traceFacts: boolean;
  precomputed: OrderPlugins | undefined;
}

/**
 * Folds one stage's fired rules into the decision, by the strategy's hit policy: the first `count`
 * of `hits`, or, given `fired` (rule indices from `evaluatePlain`), `hits[fired[i]]` for the first
 * `count` of those.
 */
function applyHits(
  stage: Stage,
  hits: readonly RuleHit[],
  count: number,
  { builder, facts, trace, traceFacts, precomputed }: Deciding,
  fired?: readonly number[],
): void {
  const first = stage.strategy.hitPolicy === 'first';
  let groups: Set<string> | undefined;
  for (let i = 0; i < count; i++) {
    const index = fired === undefined ? i : fired[i]!;
    const hit = hits[index]!;
    const rule = fired === undefined ? ruleOf(stage.rules, hit) : stage.ruleAt[index];
    const group = first ? undefined : rule?.group;
    if (group !== undefined) {
      // `collect` within a decision table: the first row hit (by priority) only.
      groups ??= new Set();
      if (groups.has(group)) continue;
      groups.add(group);
    }
    const origin = rule?.origin ?? { strategyId: stage.strategy.strategyId, nodeId: hit.name ?? '' };
    const prepared = rule?.prepared;
    const entry = rule && stage.compiled ? sharedEntry(rule, hit.event) : undefined;
    builder.apply(hit.event, origin, precomputed?.prepare(prepared) ?? prepared, entry);
    if (trace) {
      // The rule found for the hit is the one its name finds; a hit without a name is traced as ''.
      const traced = hit.name === undefined ? stage.rules.get('') : rule;
      trace.push(traceEntry(stage, hit, traced, traceFacts ? facts : undefined));
    }
    if (first) break;
  }
}

/**
 * The rule's shared entry for a compiled hit's event: the compiled evaluator hands out one frozen
 * event per rule, so the entry is made at its first hit (again only when two rules share a name).
 */
function sharedEntry(rule: RuleInfo, event: RuleEvent): Readonly<DecisionEvent> {
  if (rule.entrySource !== event || rule.entry === undefined) {
    rule.entry = Object.freeze(eventEntry(event, rule.origin));
    rule.entrySource = event;
  }
  return rule.entry;
}

/** The rule behind a hit, by its name. */
function ruleOf(rules: ReadonlyMap<string, RuleInfo>, hit: RuleHit): RuleInfo | undefined {
  return hit.name === undefined ? undefined : rules.get(hit.name);
}

/** Placed when it ships whole from one warehouse, or every parcel has one. */
function isPlaced(decision: Decision): boolean {
  if (decision.warehouse !== null) return true;
  return decision.parcels.length > 0 && decision.parcels.every((parcel) => parcel.warehouse !== null);
}

function buildStage(engine: EngineName): (strategy: CompiledStrategy) => Stage {
  return (strategy) => {
    const rules = new Map<string, RuleInfo>();
    for (const rule of strategy.rules) {
      const entry = Object.hasOwn(strategy.sourceMap, rule.name) ? strategy.sourceMap[rule.name] : undefined;
      // Two rules of one name (hand-written rule JSON) share one entry: the last, as a Map built from them keeps.
      // Traces take nodes and edges by plain property access, as they always have (and the last of a
      // duplicate name, as the map keeps).
      const traced = strategy.sourceMap[rule.name];
      const origin = { strategyId: strategy.strategyId, nodeId: entry?.emitterId ?? rule.name };
      rules.set(rule.name, {
        origin,
        prepared: prepareEvent(rule.event),
        entry: undefined,
        entrySource: undefined,
        group: entry?.group,
        trace: {
          nodeIds: traced?.nodeIds ?? [],
          edgeIds: traced?.edgeIds ?? [],
          reads: factsRead(rule.conditions).map((path) => ({ path, keys: path.split('.') })),
        },
      });
    }
    const evaluator = createEvaluator({ rules: strategy.rules, conditions: {} }, engine);
    const compiled = isCompiled(evaluator) ? evaluator : undefined;
    const names = new Set<string>();
    for (const rule of strategy.rules) factNames(rule.conditions, names);
    return {
      strategy,
      evaluator,
      compiled,
      rules,
      ruleAt: compiled?.ruleHits.map((hit) => ruleOf(rules, hit)) ?? [],
      readsDecision: names.has('decision'),
      fired: [],
    };
  };
}

const isCompiled = (evaluator: RuleEvaluator): evaluator is CompiledEvaluator =>
  evaluator.engine === 'compiled';

/** The facts the compiled stages check before their rules, but `decision` and `extracted` (see `plainFacts`). */
function factsLoaded(stages: readonly Stage[]): string[] {
  const names = new Set<string>();
  for (const stage of stages) for (const name of stage.compiled?.loads ?? []) names.add(name);
  names.delete('decision');
  names.delete('extracted');
  return [...names];
}

/** What a compiled stage refuses as a fact: a function, or an object with a `then` function. */
function refused(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function')
  );
}

/** The computed facts (engine/facts/providers) some stage's rules read, by the fact a condition names. */
function factsReadBy(stages: readonly Stage[]): FactProvider[] {
  const names = new Set<string>();
  for (const stage of stages) for (const rule of stage.strategy.rules) factNames(rule.conditions, names);
  return FACT_PROVIDERS.filter((provider) => names.has(provider.path));
}

/** A fired rule's trace entry, with the facts it read unless none are given. */
function traceEntry(
  stage: Stage,
  hit: RuleHit,
  rule: RuleInfo | undefined,
  facts: OrderFacts | undefined,
): TraceEntry {
  const name = hit.name ?? '';
  const info = rule?.trace;
  const entry = info ? undefined : stage.strategy.sourceMap[name];
  const read: Record<string, unknown> = facts ? {} : NOTHING_READ;
  if (facts) {
    for (const { path, keys } of info?.reads ?? NO_TRACE_READS) read[path] = readKeys(facts, keys) ?? null;
  }
  return {
    strategyId: stage.strategy.strategyId,
    rule: name,
    nodeIds: info ? info.nodeIds : (entry?.nodeIds ?? []),
    edgeIds: info ? info.edgeIds : (entry?.edgeIds ?? []),
    event: hit.event,
    facts: read,
  };
}

/** `readPath` with the path split when the pipeline was built. */
function readKeys(data: unknown, keys: readonly string[]): unknown {
  let current: unknown = data;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
