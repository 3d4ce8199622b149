import type { OrderLine } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';
import { defineFact } from './fact-provider.ts';

/** Past this many lines a Map adds them up faster than scanning for each SKU's lines. */
const SCAN_LIMIT = 16;

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
    const lines = order.lines;
    const out: string[] = [];
    if (lines.length > SCAN_LIMIT) {
      const wanted = new Map<string, number>();
      for (const line of lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
      for (const [sku, qty] of wanted) if (shortEverywhere(warehouses, state, sku, qty)) out.push(sku);
      return out;
    }
    // Each SKU's total over its lines (summed in line order), in the order SKUs first appear, as the Map gives.
    for (let i = 0; i < lines.length; i++) {
      const sku = lines[i]!.sku;
      if (seenBefore(lines, i, sku)) continue;
      let qty = 0;
      for (let j = i; j < lines.length; j++) if (lines[j]!.sku === sku) qty += lines[j]!.qty;
      if (shortEverywhere(warehouses, state, sku, qty)) out.push(sku);
    }
    return out;
  },
});

function seenBefore(lines: readonly OrderLine[], end: number, sku: string): boolean {
  for (let i = 0; i < end; i++) if (lines[i]!.sku === sku) return true;
  return false;
}

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
