import type { Client } from '../../client/schema.ts';
import type { FactType } from '../../operators/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';

/** What a computed fact may read: the order, the client's master data, the state, the clock. */
export interface FactContext {
  order: StandardOrder;
  client: Client | undefined;
  state: StrategyState;
  now: Date;
}

/**
 * A fact computed once per order, before any stage runs, so rules test it like any order field
 * (`unmappedSkus containsAny …`, `minutesSincePaid lessThan 30`). Adding one is a file here and a
 * line in `providers/index.ts`; the compiler learns its path and type from the same object.
 */
export interface FactProvider {
  path: string;
  type: FactType;
  values?: readonly string[];
  label: { en: string; zh: string };
  compute(context: FactContext): unknown;
}

export function defineFact(provider: FactProvider): FactProvider {
  return provider;
}
