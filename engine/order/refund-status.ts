import type { StandardOrder } from './schema.ts';

type RefundStatus = StandardOrder['refundStatus'];

/**
 * The refund status a refund amount implies, for sources that give the amount and not the status
 * (an order-level export's 退款金额): a refund that covers what the buyer paid refunds the order,
 * a smaller one refunds part of it. Compared in fen, as the amounts are money.
 */
export function refundStatusFromAmount(
  amounts: Pick<StandardOrder['amounts'], 'paid' | 'refund'>,
): RefundStatus {
  const refund = Math.round(amounts.refund * 100);
  if (refund <= 0) return 'none';
  return refund >= Math.round(amounts.paid * 100) ? 'refunded' : 'partRefunded';
}
