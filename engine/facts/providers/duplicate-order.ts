import { defineFact } from './fact-provider.ts';

/** True when an order with the same id was decided before (a platform pushed it again); the pipeline records each. */
export const duplicateOrderFact = defineFact({
  path: 'duplicateOrder',
  type: 'boolean',
  label: { en: 'Same order id seen before', zh: '重复订单（同单号已处理）' },
  compute: ({ order, state }) => state.seenOrder(order.id),
});
