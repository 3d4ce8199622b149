import { z } from 'zod';
import { missingReferences } from '../../../client/index.ts';
import { definePreset, leaf, nonEmpty } from '../preset.ts';

export const outOfStockPreset = definePreset({
  id: 'outOfStock',
  label: { en: 'Out of stock', zh: '缺货' },
  help: {
    en: 'Holds when some line cannot be supplied in full by any warehouse (tracked stock below the qty everywhere). List SKUs to check only those.',
    zh: '任一商品在所有仓库的可用库存都不足订单数量时成立。可只检查所列 SKU。',
  },
  params: z.object({ skus: z.array(z.string().min(1)).default(() => []) }),
  fields: {
    skus: {
      label: { en: 'Only these SKUs', zh: '仅这些 SKU' },
      help: { en: 'Leave empty to check every line.', zh: '留空表示检查所有商品。' },
      widget: 'sku',
    },
  },
  compile: ({ skus }) =>
    skus.length ? leaf('outOfStockSkus', 'containsAny', skus) : nonEmpty('outOfStockSkus'),
  validate: ({ skus }, { client }) =>
    client
      ? missingReferences(
          client,
          skus.map((sku, i) => ({ kind: 'sku', id: sku, path: `skus[${i}]` })),
        ).map(({ path, message }) => ({ code: 'unknown_reference', path, message }))
      : [],
});

export const skuNotMappedPreset = definePreset({
  id: 'skuNotMapped',
  label: { en: 'SKU not mapped', zh: '商品未匹配' },
  help: {
    en: 'Holds when a line’s SKU is not in the client’s catalogue (a listing nobody mapped to a product).',
    zh: '订单中有商品编码不在客户商品资料中（平台商品未对应到系统商品）时成立。',
  },
  params: z.object({}),
  fields: {},
  compile: () => nonEmpty('unmappedSkus'),
});
