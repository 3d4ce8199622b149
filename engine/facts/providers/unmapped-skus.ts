import type { OrderLine } from '../../order/schema.ts';
import { distinct } from './distinct.ts';
import { defineFact } from './fact-provider.ts';
import { skuIndex } from './sku-index.ts';

const skuOf = (line: OrderLine) => line.sku;

/**
 * Line SKUs the client's catalogue does not have (a platform listing nobody mapped to a product).
 * Empty when the catalogue is not known: without one, every SKU would look unmapped.
 */
export const unmappedSkusFact = defineFact({
  path: 'unmappedSkus',
  type: 'array',
  label: { en: 'SKUs not in the catalogue', zh: '未匹配商品编码' },
  compute: ({ order, client }) => {
    const index = skuIndex(client);
    if (!index) return [];
    const unmapped: string[] = [];
    for (const sku of distinct(order.lines, skuOf)) if (!index.has(sku)) unmapped.push(sku);
    return unmapped;
  },
});
