import type { FactProvider } from './fact-provider.ts';
import { categoriesFact, issueCodesFact, remarksFact, skusFact } from './order-lists.ts';

/** Every computed fact, in the order they are computed. */
export const FACT_PROVIDERS: readonly FactProvider[] = [
  skusFact,
  categoriesFact,
  remarksFact,
  issueCodesFact,
];

export { defineFact, type FactContext, type FactProvider } from './fact-provider.ts';
