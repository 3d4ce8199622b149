import { z } from 'zod';
import { type ContentIssue, defineNodeKind, type Emission, type FieldHints } from '../node-kind.ts';
import { approveEvent, flagEvent, holdEvent } from './approval.events.ts';

const reasonCode = z
  .string()
  .min(1, 'name a reason code')
  .max(64)
  .regex(
    /^[A-Za-z0-9_.:-]+$/,
    'use letters, digits, "_", ".", ":" or "-" (e.g. unpaid, address_other_province)',
  );

export const ApprovalContentSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approve') }),
  z.object({
    outcome: z.literal('hold'),
    reason: reasonCode,
    message: z.string().default(''),
    autoReleaseMinutes: z.number().int().positive().optional(),
    /** `hold`: minutes from the decision; `payment`: minutes from payment (a merge window). */
    releaseFrom: z.enum(['hold', 'payment']).default('hold'),
    urgent: z.boolean().default(false),
  }),
  z.object({ outcome: z.literal('flag'), reason: reasonCode, message: z.string().default('') }),
]);
export type ApprovalContent = z.infer<typeof ApprovalContentSchema>;
type HoldContent = Extract<ApprovalContent, { outcome: 'hold' }>;

/**
 * One hold rule. A release counted from payment is computed when the hold applies, from the decision
 * clock and the order's `paidAt` (`release-time.ts`), so the rule stays plain rule JSON.
 */
function holdEmissions(content: HoldContent): Emission[] {
  const minutes = content.autoReleaseMinutes;
  const params = {
    reason: content.reason,
    ...(content.message ? { message: content.message } : {}),
    ...(content.urgent ? { urgent: true } : {}),
    ...(minutes === undefined ? {} : { autoReleaseMinutes: minutes }),
    ...(minutes !== undefined && content.releaseFrom === 'payment' ? { releaseFrom: 'payment' } : {}),
  };
  return [{ key: '', condition: null, event: { type: 'hold', params } }];
}

function validate(content: ApprovalContent): ContentIssue[] {
  if (content.outcome !== 'hold' || content.releaseFrom !== 'payment') return [];
  if (content.autoReleaseMinutes !== undefined) return [];
  return [
    {
      code: 'content_invalid',
      path: 'autoReleaseMinutes',
      message: 'autoReleaseMinutes: say how many minutes after payment the hold lifts',
    },
  ];
}

/** Editor hints for the approval node's fields. */
export const approvalFields: FieldHints = {
  outcome: {
    label: { en: 'Outcome', zh: '处理结果' },
    help: {
      en: 'approve: pass the order on; hold: stop it until someone (or the timer) releases it; flag: mark it and let it go on.',
      zh: '通过：放行；拦截：挂起直到人工或定时释放；标记：打上异常标记但继续流转。',
    },
  },
  reason: {
    label: { en: 'Reason code', zh: '原因代码' },
    help: {
      en: 'A short code reports group holds by, e.g. unpaid, address_other_province.',
      zh: '用于统计和筛选的简短代码，如 unpaid、address_other_province。',
    },
  },
  message: {
    label: { en: 'Message', zh: '说明' },
    help: { en: 'What the person who sees the hold should know.', zh: '给处理人员看的说明。' },
  },
  autoReleaseMinutes: {
    label: { en: 'Release after (minutes)', zh: '自动释放（分钟）' },
    help: {
      en: 'Lift the hold by itself after this many minutes; leave empty to wait for a person.',
      zh: '经过这么多分钟后自动释放；留空则需人工释放。',
    },
  },
  releaseFrom: {
    label: { en: 'Count minutes from', zh: '计时起点' },
    help: {
      en: 'hold: from now; payment: from the payment time, so "wait 30 minutes after payment" releases when the 30 minutes are up.',
      zh: '拦截时：从现在起算；付款时：从付款时间起算，"付款后等待 30 分钟"会在满 30 分钟时释放。',
    },
  },
  urgent: {
    label: { en: 'Urgent', zh: '加急' },
    help: { en: 'Put the held order at the top of the queue.', zh: '拦截单排在处理队列最前。' },
  },
};

/** 审单: what happens to an order that reaches this node — approve it, hold it, or flag it and go on. */
export const approvalKind = defineNodeKind<ApprovalContent>({
  kind: 'approval',
  version: 1,
  group: 'approval',
  label: { en: 'Approve / hold / flag', zh: '审单：通过 / 拦截 / 标记' },
  description: {
    en: 'Approves the order, holds it with a reason (optionally urgent, optionally released after some minutes), or flags it for a look while it goes on.',
    zh: '审核通过；或按原因拦截（可设加急、可设若干分钟后自动释放）；或仅标记异常、继续流转。',
  },
  schema: ApprovalContentSchema,
  defaults: () => ({
    outcome: 'hold',
    reason: 'manual_review',
    message: '',
    releaseFrom: 'hold',
    urgent: false,
  }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate,
  emit: (content) => {
    switch (content.outcome) {
      case 'approve':
        return [{ key: '', condition: null, event: { type: 'approve', params: {} } }];
      case 'flag':
        return [
          {
            key: '',
            condition: null,
            event: {
              type: 'flag',
              params: { reason: content.reason, ...(content.message ? { message: content.message } : {}) },
            },
          },
        ];
      case 'hold':
        return holdEmissions(content);
    }
  },
  fields: approvalFields,
  events: [approveEvent, holdEvent, flagEvent],
  migrations: {},
});
