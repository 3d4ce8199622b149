import type { StandardOrder } from '../order/schema.ts';
import { FACT_PROVIDERS, type FactContext, type FactProvider } from './providers/index.ts';

/** What earlier stages of the pipeline decided, readable by later stages' rules. */
export interface StageView {
  status: string;
  warehouse: string | null;
  carrier: string | null;
  tags: string[];
  holds: string[];
  gifts: string[];
  /** The order joined a merge group an earlier order opened (the merge stage runs before tags). */
  merged: boolean;
}

/**
 * The facts a strategy reads: the standard order's fields at top level, the computed facts,
 * what remark parsing extracted, and the decision so far.
 */
export type OrderFacts = StandardOrder & {
  extracted: Record<string, unknown>;
  decision: StageView;
  [computed: string]: unknown;
};

type BuildFacts = (
  context: FactContext,
  extracted: Record<string, unknown>,
  decision: StageView,
) => OrderFacts;

export function orderFacts(
  context: FactContext,
  extracted: Record<string, unknown>,
  decision: StageView,
  /** The computed facts wanted: a pipeline computes only those its rules read. */
  providers: readonly FactProvider[] = FACT_PROVIDERS,
): OrderFacts {
  return factsBuilder(providers)(context, extracted, decision);
}

/**
 * Builds the facts for one set of computed facts without generating code (json-rules-engine's
 * pipelines, and the editor, whose Content-Security-Policy refuses `new Function`): the order's own
 * fields copied, then `extracted`, `decision` and each computed fact. Same keys, in the same order,
 * as `generatedFactsBuilder`'s.
 */
export function factsBuilder(providers: readonly FactProvider[]): BuildFacts {
  return (context, extracted, decision) => {
    const facts = Object.assign({}, context.order) as OrderFacts;
    facts.extracted = extracted;
    facts.decision = decision;
    for (const provider of providers) facts[provider.path] = provider.compute(context);
    return facts;
  };
}

const builders = new WeakMap<readonly FactProvider[], BuildFacts>();

/**
 * Builds the facts for one set of computed facts: the order's own fields copied, then `extracted`,
 * `decision` and each computed fact stored by a property name written in the source. Stored by a
 * name only known at run time (`facts[provider.path] = …`), V8 turned an object of this many keys
 * into a hash table; stored by written names, every order's facts share one fast hidden class.
 * `Object.assign` into `{}`, not a spread: a spread copies the order's own hidden class, and orders
 * come in many, which made every fact read megamorphic (decide 1.6× slower, measured). Same keys,
 * in the same order, as `Object.assign({}, order, {extracted, decision}, computed)`; a field the
 * order lacks stays absent. Made once per list of providers (a pipeline keeps its list). Only where
 * code may be generated: the compiled engine, which generates its rules' code anyway.
 */
export function generatedFactsBuilder(providers: readonly FactProvider[]): BuildFacts {
  let build = builders.get(providers);
  if (build) return build;
  const stores = providers.map((provider, i) => `f[${JSON.stringify(provider.path)}] = p[${i}].compute(c);`);
  build = new Function(
    'p',
    `return (c, extracted, decision) => {
      const f = Object.assign({}, c.order);
      f.extracted = extracted;
      f.decision = decision;
      ${stores.join('\n')}
      return f;
    };`,
  )(providers) as BuildFacts;
  builders.set(providers, build);
  return build;
}
