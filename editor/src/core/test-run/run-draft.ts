import {
  ADAPTER_PLATFORM_NAMES,
  type AdapterPlatform,
  adaptOrder,
  type Client,
  type CompiledStrategy,
  compileStrategy,
  createPipeline,
  type Decision,
  detectPlatform,
  type Explanation,
  explainDecision,
  type GraphIssue,
  InMemoryState,
  OrdergraphError,
  pluginUsage,
  type StandardOrder,
  type Strategy,
  strategyGraph,
} from '../engine.ts';
import { type LitPath, litPathOf } from './lit-path.ts';

export interface DraftRunInput {
  draft: Strategy;
  client?: Client;
  /** The other stages of the client's pipeline (published versions); the draft stands in for its own. */
  others?: readonly CompiledStrategy[];
  order: unknown;
  /** Which adapter reads the order; detected from its fields when not given. */
  platform?: AdapterPlatform;
  state?: ConstructorParameters<typeof InMemoryState>[0];
}

export type DraftRun =
  | {
      ok: true;
      platform: AdapterPlatform;
      order: StandardOrder;
      decision: Decision;
      lit: LitPath;
      /** The facts the draft's stage read: what says why one of its nodes did not fire. */
      facts: Readonly<Record<string, unknown>>;
      /** A sentence per hold, flag, warehouse and carrier; the draft's nodes by name. */
      explanations: Explanation[];
      ms: number;
      /** Published stages left out because they call plugins, which run on the server only. */
      skipped: string[];
    }
  | { ok: false; stage: 'compile'; issues: GraphIssue[] }
  /** The draft itself calls plugins: the browser has no sandbox to run them in. */
  | { ok: false; stage: 'plugins' }
  | { ok: false; stage: 'order'; message: string };

/**
 * Decides one order with the draft being edited, in the browser: the same compiler and pipeline
 * the server runs, so what lights up is what the published strategy will do.
 */
export async function runDraft(input: DraftRunInput): Promise<DraftRun> {
  const compiled = compileStrategy(input.draft, input.client ? { client: input.client } : {});
  if (!compiled.ok)
    return { ok: false, stage: 'compile', issues: compiled.issues.filter((i) => i.severity === 'error') };
  const platform = input.platform ?? detectPlatform(input.order);
  if (!platform) {
    return { ok: false, stage: 'order', message: `not a ${ADAPTER_PLATFORM_NAMES} order` };
  }
  let order: StandardOrder;
  try {
    order = adaptOrder(platform, input.order);
  } catch (error) {
    if (error instanceof OrdergraphError) return { ok: false, stage: 'order', message: error.message };
    throw error;
  }
  if (callsPlugins(compiled.compiled)) return { ok: false, stage: 'plugins' };
  const others = (input.others ?? []).filter((s) => s.strategyId !== input.draft.id);
  const skipped = others.filter(callsPlugins).map((s) => s.strategyId);
  const stages = [...others.filter((s) => !callsPlugins(s)), compiled.compiled];
  const started = performance.now();
  let facts: Readonly<Record<string, unknown>> = {};
  const pipeline = createPipeline(stages, {
    engine: 'reference',
    trace: true,
    ...(input.client ? { client: input.client } : {}),
    state: new InMemoryState(input.state ?? {}),
    // A copy: the pipeline goes on changing its facts (what later stages decide) after the draft's stage.
    beforeStage: (strategyId, seen) => {
      if (strategyId === input.draft.id) facts = { ...seen, extracted: { ...seen.extracted } };
    },
  });
  const decision = await pipeline.decide(order);
  const ms = performance.now() - started;
  const context = input.client ? { client: input.client } : {};
  const graphs = new Map([[input.draft.id, strategyGraph(compiled.strategy, context)]]);
  return {
    ok: true,
    platform,
    order,
    decision,
    lit: litPathOf(decision.trace, input.draft.id),
    facts,
    explanations: explainDecision(decision, { graphs, ...context }),
    ms,
    skipped,
  };
}

function callsPlugins(strategy: CompiledStrategy): boolean {
  const usage = pluginUsage([strategy]);
  return usage.facts.length + usage.actions.length + usage.operators.length + usage.reads.length > 0;
}
