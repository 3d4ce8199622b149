import { defineFact } from './fact-provider.ts';

/**
 * Orders of this buyer decided before this one. The pipeline records an order after deciding it,
 * so a first order reads 0; an order without a buyer id reads -1, so `equal 0` never calls an
 * anonymous buyer new.
 */
export const buyerOrderCountFact = defineFact({
  path: 'buyerOrderCount',
  type: 'number',
  label: { en: "Buyer's earlier orders", zh: '买家历史订单数' },
  compute: ({ order, state }) => (order.buyer.id ? state.buyerOrders(order.buyer.id) : -1),
});
