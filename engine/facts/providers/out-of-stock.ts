import type { StrategyState } from '../../state/index.ts';
import { defineFact } from './fact-provider.ts';

/**
 * Line SKUs that no warehouse of the client can supply in full: in every warehouse the stock is
 * tracked and below the order's total qty of that SKU. A warehouse that does not track the SKU
 * never runs out (the state's rule), so one such warehouse keeps the SKU off this list. Empty
 * without a client, whose warehouses are the ones to ask.
 */
export const outOfStockSkusFact = defineFact({
  path: 'outOfStockSkus',
  type: 'array',
  label: { en: 'SKUs out of stock everywhere', zh: '全部仓库缺货的商品' },
  compute: ({ order, client, state }) => {
    const warehouses = client?.warehouses ?? [];
    if (warehouses.length === 0) return [];
    const wanted = new Map<string, number>();
    for (const line of order.lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
    const out: string[] = [];
    for (const [sku, qty] of wanted) if (shortEverywhere(warehouses, state, sku, qty)) out.push(sku);
    return out;
  },
});

function shortEverywhere(
  warehouses: readonly { id: string }[],
  state: StrategyState,
  sku: string,
  qty: number,
): boolean {
  for (const w of warehouses) {
    const onHand = state.stock(w.id, sku);
    if (onHand === undefined || onHand >= qty) return false;
  }
  return true;
}
