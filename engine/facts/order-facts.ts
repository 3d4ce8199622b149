import { type StandardOrder, StandardOrderSchema } from '../order/schema.ts';
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
 * fields copied, then `extracted`, `decision` and each computed fact. Same string keys, in the same
 * order, as `generatedFactsBuilder`'s.
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

/** A standard order's own keys, in the order the schema (and so every adapter) writes them. */
const ORDER_KEYS: readonly string[] = Object.keys(StandardOrderSchema.shape);

/**
 * Whether the order's own enumerable string keys are exactly ORDER_KEYS, in that order: then a
 * literal listing those keys copies what `Object.assign` would, symbol keys aside. Symbol keys are
 * not asked about: no reader of the facts sees them (json-rules-engine takes facts by for…in, the
 * compiled rules, traces and events by name), and `Object.getOwnPropertySymbols` was a runtime call
 * and an array per order, 110 ns (measured), most of this check.
 */
function hasStandardKeys(order: object): boolean {
  // for…in lists the own keys as Object.keys does, then inherited enumerable ones (which fail the
  // check, as extra keys), and reads V8's per-shape key cache instead of making an array per order.
  let i = 0;
  for (const key in order) {
    if (key !== ORDER_KEYS[i]) return false;
    i++;
  }
  return i === ORDER_KEYS.length;
}

/**
 * Builds the facts for one set of computed facts: the order's own fields copied, then `extracted`,
 * `decision` and each computed fact stored by a property name written in the source. Stored by a
 * name only known at run time (`facts[provider.path] = …`), V8 turned an object of this many keys
 * into a hash table; stored by written names, every order's facts share one fast hidden class.
 * An order with the standard keys (every order an adapter reads) is copied by one object literal,
 * 3–4× cheaper than `Object.assign` over orders of many hidden classes (measured); any other
 * order by `Object.assign` into `{}` (a spread would copy the order's own hidden class, and orders
 * come in many, which made every fact read megamorphic: decide 1.6× slower, measured). Either way
 * the string keys, their order and values are those of `Object.assign({}, order, {extracted,
 * decision}, computed)`; a field the order lacks stays absent. Only a symbol key of an order with
 * the standard string keys is left out, which no reader of the facts sees (see `hasStandardKeys`).
 * Made once per list of providers (a pipeline keeps its list). Only where code may be generated:
 * the compiled engine, which generates its rules' code anyway. The source holds only the schema's
 * keys and the providers' paths, as literals.
 */
export function generatedFactsBuilder(providers: readonly FactProvider[]): BuildFacts {
  let build = builders.get(providers);
  if (build) return build;
  const names = ['extracted', 'decision', ...providers.map((provider) => provider.path)];
  const values = ['extracted', 'decision', ...providers.map((_, i) => `p[${i}].compute(c)`)];
  // A computed fact named like an order field would take that field's place, and `__proto__` in a
  // literal sets the prototype: leave such lists to Object.assign.
  const literal = !names.some((name) => ORDER_KEYS.includes(name) || name === '__proto__');
  const stores = names.map((name, i) => `f[${JSON.stringify(name)}] = ${values[i]};`);
  const fields = [
    ...ORDER_KEYS.map((key) => `${JSON.stringify(key)}: o[${JSON.stringify(key)}]`),
    ...names.map((name, i) => `${JSON.stringify(name)}: ${values[i]}`),
  ];
  const copy = literal ? `if (hasStandardKeys(o)) return { ${fields.join(', ')} };` : '';
  build = new Function(
    'p',
    'hasStandardKeys',
    `return (c, extracted, decision) => {
      const o = c.order;
      ${copy}
      const f = Object.assign({}, o);
      ${stores.join('\n')}
      return f;
    };`,
  )(providers, hasStandardKeys) as BuildFacts;
  builders.set(providers, build);
  return build;
}
