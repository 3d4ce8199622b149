import { z } from 'zod';
import type { NestedCondition } from '../../../rules/schema.ts';
import type { ContentIssue } from '../../node-kind.ts';
import { definePreset, leaf } from '../preset.ts';

/** What a range can measure, and the order field it reads. */
const MEASURES = {
  amount: 'amounts.total',
  paid: 'amounts.paid',
  qty: 'totals.qty',
  lines: 'totals.lines',
  weightKg: 'totals.weightKg',
} as const;

const bound = z.number().nonnegative('cannot be negative').optional();

export const rangePreset = definePreset({
  id: 'range',
  label: { en: 'Amount / qty / weight range', zh: '金额 / 件数 / 重量范围' },
  help: {
    en: 'Holds when the measure lies in the range (both ends included), or outside it when "outside" is ticked. Give a minimum, a maximum or both.',
    zh: '所选指标在范围内（含两端）时成立；勾选"范围外"则在范围外时成立。可只填最小值或最大值。',
  },
  params: z.object({
    measure: z.enum(Object.keys(MEASURES) as [keyof typeof MEASURES]).default('amount'),
    min: bound,
    max: bound,
    outside: z.boolean().default(false),
  }),
  fields: {
    measure: {
      label: { en: 'Measure', zh: '指标' },
      help: {
        en: 'amount: order total; paid: amount paid; qty: items; lines: order lines; weightKg: total weight in kg.',
        zh: 'amount 订单金额；paid 实付金额；qty 商品件数；lines 商品行数；weightKg 总重量（千克）。',
      },
    },
    min: {
      label: { en: 'Minimum', zh: '最小值' },
      help: { en: 'Leave empty for no lower bound.', zh: '留空表示不限下限。' },
    },
    max: {
      label: { en: 'Maximum', zh: '最大值' },
      help: { en: 'Leave empty for no upper bound.', zh: '留空表示不限上限。' },
    },
    outside: {
      label: { en: 'Outside the range', zh: '范围外' },
      help: { en: 'Hold when the measure is outside the range instead.', zh: '改为指标在范围外时成立。' },
    },
  },
  compile: ({ measure, min, max, outside }) => {
    const fact = MEASURES[measure];
    let inside: NestedCondition;
    if (min !== undefined && max !== undefined) inside = leaf(fact, 'between', [min, max]);
    else if (min !== undefined) inside = leaf(fact, 'greaterThanInclusive', min);
    else inside = leaf(fact, 'lessThanInclusive', max ?? 0);
    return outside ? { not: inside } : inside;
  },
  validate: ({ min, max }): ContentIssue[] => {
    if (min === undefined && max === undefined) {
      return [{ code: 'content_invalid', path: 'min', message: 'range: give a minimum, a maximum or both' }];
    }
    if (min !== undefined && max !== undefined && min > max) {
      return [
        { code: 'content_invalid', path: 'max', message: `range: maximum ${max} is below minimum ${min}` },
      ];
    }
    return [];
  },
});
