import { z } from 'zod';
import { missingReferences } from '../../../client/index.ts';
import type { NestedCondition } from '../../../rules/schema.ts';
import type { ContentIssue } from '../../node-kind.ts';
import { anyOf, definePreset, leaf } from '../preset.ts';

// The client's own SKU code rule, which keeps a code safe inside a quoted JSONPath segment, less
// the codes jsonpath-plus would read as an array slice ("12:34") even when quoted.
const skuCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, "_", ".", ":" or "-"')
  .refine((sku) => !/^-?\d*:-?\d*(:\d*)?$/.test(sku), 'a code like "12:34" cannot have its own floor');

/** `$.LIP-01` where the code allows it, so the trace can show the price read; quoted otherwise. */
const pricePath = (sku: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(sku) ? `$.${sku}` : `$['${sku}']`);

export const priceBelowFloorPreset = definePreset({
  id: 'priceBelowFloor',
  label: { en: 'Price below floor', zh: '低于最低售价' },
  help: {
    en: 'Holds when a sold line’s unit price is below a floor: a percentage of the catalogue price, and/or a fixed price per SKU. Gift lines never count.',
    zh: '任一销售商品行的成交单价低于底价时成立：底价可按商品标价的百分比，和/或按 SKU 单独设定。赠品行不算。',
  },
  params: z.object({
    percent: z.number().positive('must be above 0').max(100, 'at most 100 (the catalogue price)').optional(),
    floors: z
      .array(z.object({ sku: skuCode, price: z.number().nonnegative('cannot be negative') }))
      .default(() => []),
  }),
  fields: {
    percent: {
      label: { en: 'Floor, % of catalogue price', zh: '底价（标价百分比）' },
      help: {
        en: '60 holds a line sold for less than 60% of its catalogue price. Needs the client’s catalogue.',
        zh: '填 60 表示成交价低于标价 60% 时成立。需要客户商品资料。',
      },
    },
    floors: {
      label: { en: 'Floors per SKU', zh: '按 SKU 设底价' },
      help: { en: 'A fixed lowest unit price for some SKUs.', zh: '为指定 SKU 设定最低成交单价。' },
      widget: 'sku',
    },
  },
  compile: ({ percent, floors }) => {
    const checks: NestedCondition[] = [];
    if (percent !== undefined) checks.push(leaf('lowestPricePct', 'lessThan', percent));
    for (const { sku, price } of floors) {
      checks.push({ fact: 'unitPrices', path: pricePath(sku), operator: 'lessThan', value: price });
    }
    return anyOf(checks);
  },
  validate: ({ percent, floors }, { client }): ContentIssue[] => {
    if (percent === undefined && floors.length === 0) {
      return [
        {
          code: 'content_invalid',
          path: 'percent',
          message: 'priceBelowFloor: give a percentage of the catalogue price or at least one SKU floor',
        },
      ];
    }
    const issues: ContentIssue[] = floors.flatMap(({ sku }, i) =>
      floors.findIndex((f) => f.sku === sku) < i
        ? [{ code: 'duplicate_id' as const, path: `floors[${i}].sku`, message: `SKU ${sku} has two floors` }]
        : [],
    );
    if (!client) return issues;
    const refs = floors.map(({ sku }, i) => ({ kind: 'sku' as const, id: sku, path: `floors[${i}].sku` }));
    for (const { path, message } of missingReferences(client, refs)) {
      issues.push({ code: 'unknown_reference', path, message });
    }
    if (percent !== undefined && client.skus.length === 0) {
      issues.push({
        code: 'unknown_reference',
        severity: 'warning',
        path: 'percent',
        message: `client "${client.id}" has no catalogue prices, so no line is ever below ${percent}% of one`,
      });
    }
    return issues;
  },
});
