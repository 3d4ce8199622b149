import type { StandardOrder } from '../order/schema.ts';
import { FACT_PROVIDERS, type FactContext } from './providers/index.ts';

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
): OrderFacts {
  const computed: Record<string, unknown> = {};
  for (const provider of FACT_PROVIDERS) computed[provider.path] = provider.compute(context);
  // Object.assign, not `{ ...order, extracted, decision }` and a dozen `facts[path] =` stores: V8
  // reused no object shape for that, and past twelve keyed stores it made the facts a hash table;
  // building the object cost more than computing every fact.
  return Object.assign({}, context.order, { extracted, decision }, computed);
}
