import { z } from 'zod';
import type { NestedCondition } from '../../rules/schema.ts';
import { defineNodeKind, type FieldHints } from '../node-kind.ts';
import { APPROVAL_PRESETS, approvalPreset } from './presets/index.ts';

export interface ApprovalCheckContent {
  preset: string;
  params: unknown;
}

const variants = APPROVAL_PRESETS.map((preset) =>
  z.object({ preset: z.literal(preset.id), params: preset.params.prefault({}) }),
);

export const ApprovalCheckContentSchema = z.discriminatedUnion(
  'preset',
  variants as [(typeof variants)[number], ...(typeof variants)[number][]],
  { error: `choose a check: ${APPROVAL_PRESETS.map((p) => p.id).join(', ')}` },
) as z.ZodType<ApprovalCheckContent>;

/** The check's conditions; content has passed the schema, so the preset exists and params are parsed. */
export function checkCondition(content: ApprovalCheckContent): NestedCondition {
  return approvalPreset(content.preset)!.compile(content.params);
}

/** Editor hints for the node itself; each preset carries hints for its own params (`fields`). */
export const approvalCheckFields: FieldHints = {
  preset: {
    label: { en: 'Check', zh: '检查项' },
    help: {
      en: 'What to look for; each check explains itself when chosen.',
      zh: '要检查什么；选择后会显示该检查的说明。',
    },
  },
  params: {
    label: { en: 'Settings', zh: '设置' },
    help: { en: 'The chosen check’s settings.', zh: '所选检查项的设置。' },
  },
};

/**
 * 审单检查: a ready-made condition ("unpaid or part paid", "address names another province" …)
 * that sends the order down "yes" when it holds, else "no", like a condition node whose facts the
 * consultant never has to write. Follow "yes" with an approval node that holds or flags.
 */
export const approvalCheckKind = defineNodeKind<ApprovalCheckContent>({
  kind: 'approvalCheck',
  version: 1,
  group: 'approval',
  label: { en: 'Approval check', zh: '审单检查' },
  description: {
    en: 'A ready-made approval check: unpaid, refund pending, address problem, rural address, remark, seller flag, COD, invoice, range, price floor, duplicate, blacklist, out of stock, SKU not mapped, wait after payment.',
    zh: '常用审单检查：未付款、退款中、地址异常、乡村地址、有备注、旗帜、货到付款、发票、金额件数重量范围、低价、重复订单、黑名单、缺货、商品未匹配、付款后等待。',
  },
  schema: ApprovalCheckContentSchema,
  defaults: () => ({ preset: 'unpaid', params: {} }),
  acceptsInput: true,
  outputs: (content) => {
    const when = checkCondition(content);
    return [
      { handle: 'true', label: { en: 'yes', zh: '是' }, condition: when },
      { handle: 'false', label: { en: 'no', zh: '否' }, condition: { not: when } },
    ];
  },
  requiredOutputs: () => ['true'],
  validate: (content, context) =>
    (approvalPreset(content.preset)!.validate?.(content.params, context) ?? []).map((issue) => ({
      ...issue,
      path: `params.${issue.path}`,
    })),
  emit: () => [],
  fields: approvalCheckFields,
  events: [],
  migrations: {},
});
