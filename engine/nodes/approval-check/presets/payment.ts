import { z } from 'zod';
import { REFUND_STATUSES } from '../../../order/schema.ts';
import { definePreset, leaf } from '../preset.ts';

export const unpaidPreset = definePreset({
  id: 'unpaid',
  label: { en: 'Unpaid or part paid', zh: '未付款或部分付款' },
  help: {
    en: 'Holds when the order is not fully paid. Cash-on-delivery orders are paid on delivery, so they never count.',
    zh: '订单未付款或只付了一部分时成立。货到付款订单在签收时付款，不算在内。',
  },
  params: z.object({}),
  fields: {},
  compile: () => ({
    all: [leaf('payStatus', 'in', ['unpaid', 'partPaid']), leaf('type', 'notEqual', 'cod')],
  }),
});

const refundStatus = z.enum(REFUND_STATUSES).exclude(['none']);

export const refundPendingPreset = definePreset({
  id: 'refundPending',
  label: { en: 'Refund pending', zh: '退款中' },
  help: {
    en: 'Holds when a refund is under way on the order or any of its lines; add part refunded or refunded to stop those too.',
    zh: '订单或任一商品行正在退款时成立；也可选择部分退款、已退款。',
  },
  params: z.object({
    statuses: z
      .array(refundStatus)
      .min(1, 'choose at least one refund status')
      .default(() => ['pending' as const]),
  }),
  fields: {
    statuses: {
      label: { en: 'Refund statuses', zh: '退款状态' },
      help: {
        en: 'pending: refund asked, not done; partRefunded: some lines refunded; refunded: all refunded.',
        zh: 'pending 退款中；partRefunded 部分退款；refunded 全部退款。',
      },
    },
  },
  compile: ({ statuses }) => leaf('refundStatus', 'in', statuses),
});

export const codPreset = definePreset({
  id: 'cod',
  label: { en: 'Cash on delivery', zh: '货到付款' },
  help: { en: 'Holds for cash-on-delivery orders.', zh: '货到付款订单成立。' },
  params: z.object({}),
  fields: {},
  compile: () => leaf('type', 'equal', 'cod'),
});

export const waitAfterPaymentPreset = definePreset({
  id: 'waitAfterPayment',
  label: { en: 'Wait N minutes after payment', zh: '付款后等待 N 分钟' },
  help: {
    en: 'Holds while fewer than N minutes have passed since payment, so later orders of the same buyer can merge. Follow it with a hold that releases N minutes from payment.',
    zh: '付款未满 N 分钟时成立，便于同一买家的后续订单合并。后接"从付款时起算 N 分钟自动释放"的拦截。',
  },
  params: z.object({ minutes: z.number().int().positive('must be at least 1 minute').default(30) }),
  fields: {
    minutes: {
      label: { en: 'Minutes', zh: '等待分钟数' },
      help: { en: 'How long after payment to wait.', zh: '付款后等待多久。' },
    },
  },
  compile: ({ minutes }) => leaf('minutesSincePaid', 'lessThan', minutes),
});
