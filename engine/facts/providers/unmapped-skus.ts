import { distinct } from './distinct.ts';
import { defineFact } from './fact-provider.ts';
import { skuIndex } from './sku-index.ts';

const itself = (sku: string) => sku;

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
    // Unmapped lines first, then their SKUs made distinct: the same SKUs in the same order as the
    // distinct SKUs filtered, without a list of every SKU per order (nearly all are mapped).
    const unmapped: string[] = [];
    for (const line of order.lines) if (!index.has(line.sku)) unmapped.push(line.sku);
    return unmapped.length < 2 ? unmapped : distinct(unmapped, itself);
  },
});
