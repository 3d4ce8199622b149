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

export function orderFacts(
  context: FactContext,
  extracted: Record<string, unknown>,
  decision: StageView,
  /** The computed facts wanted: a pipeline computes only those its rules read. */
  providers: readonly FactProvider[] = FACT_PROVIDERS,
): OrderFacts {
  // The order's fields copied in one Object.assign, then the rest stored on the copy. The facts have
  // too many keys for a fast-mode object either way (V8 keeps them as a hash table), so storing
  // directly costs less than assembling the computed facts in an object of their own to copy in.
  // Same keys in the same order as `Object.assign({}, order, {extracted, decision}, computed)`.
  const facts = Object.assign({}, context.order) as OrderFacts;
  facts.extracted = extracted;
  facts.decision = decision;
  for (const provider of providers) facts[provider.path] = provider.compute(context);
  return facts;
}
