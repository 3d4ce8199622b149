import { emptyIdRecord } from '../../state/id-record.ts';
import { defineFact } from './fact-provider.ts';
import { skuIndex } from './sku-index.ts';

/**
 * The lowest unit price in the order as a percentage of the catalogue price (50 = half price), over
 * sold lines whose SKU has a catalogue price; null when none has. "Price below 60% of list" tests
 * this one number, so a preset needs no per-order parameters.
 */
export const lowestPricePctFact = defineFact({
  path: 'lowestPricePct',
  type: 'number',
  label: { en: 'Lowest unit price, % of catalogue price', zh: '最低成交价占标价百分比' },
  compute: ({ order, client }) => {
    const index = skuIndex(client);
    let lowest: number | null = null;
    for (const line of order.lines) {
      // Gift lines are free on purpose; only sold lines can be priced below a floor.
      if (line.isGift) continue;
      const listPrice = index?.get(line.sku)?.price;
      if (!listPrice) continue;
      const pct = (line.price / listPrice) * 100;
      if (lowest === null || pct < lowest) lowest = pct;
    }
    return lowest === null ? null : Math.round(lowest * 100) / 100;
  },
});

/** SKU → its lowest unit price among sold lines, so a per-SKU floor is one path into one fact. */
export const unitPricesFact = defineFact({
  path: 'unitPrices',
  type: 'object',
  label: { en: 'Unit price by SKU', zh: '各商品成交单价' },
  compute: ({ order }) => {
    // An object with no prototype: a SKU `constructor` or `__proto__` is a SKU like any other.
    const prices = emptyIdRecord<number>();
    for (const line of order.lines) {
      if (line.isGift) continue;
      // No prototype, so this reads an own key or undefined, for any SKU.
      const known = prices[line.sku];
      if (known === undefined || line.price < known) prices[line.sku] = line.price;
    }
    return prices;
  },
});
