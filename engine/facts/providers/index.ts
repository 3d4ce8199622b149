import { addressOtherProvinceFact } from './address-other-province.ts';
import { buyerOrderCountFact } from './buyer-history.ts';
import { duplicateOrderFact } from './duplicate-order.ts';
import type { FactProvider } from './fact-provider.ts';
import { minutesSincePaidFact } from './minutes-since-paid.ts';
import { categoriesFact, issueCodesFact, remarksFact, skusFact } from './order-lists.ts';
import { outOfStockSkusFact } from './out-of-stock.ts';
import { lowestPricePctFact, unitPricesFact } from './price-floor.ts';
import { unmappedSkusFact } from './unmapped-skus.ts';

/** Every computed fact, in the order they are computed. */
export const FACT_PROVIDERS: readonly FactProvider[] = [
  skusFact,
  categoriesFact,
  remarksFact,
  issueCodesFact,
  minutesSincePaidFact,
  addressOtherProvinceFact,
  lowestPricePctFact,
  unitPricesFact,
  unmappedSkusFact,
  outOfStockSkusFact,
  duplicateOrderFact,
  buyerOrderCountFact,
];

export { defineFact, type FactContext, type FactProvider } from './fact-provider.ts';
