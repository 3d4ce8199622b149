import type { StandardOrder } from '../schema.ts';

type RefundStatus = StandardOrder['refundStatus'];

/** The order's refund state from its lines': any refund under way is pending, else refunded only when every line is. */
export function rollUpRefunds(lines: readonly { refundStatus?: RefundStatus | undefined }[]): RefundStatus {
  let refunded = 0;
  for (const { refundStatus } of lines) {
    if (refundStatus === 'pending') return 'pending';
    if (refundStatus === 'refunded' || refundStatus === 'partRefunded') refunded++;
  }
  if (refunded === 0) return 'none';
  return refunded === lines.length && lines.every((l) => l.refundStatus === 'refunded')
    ? 'refunded'
    : 'partRefunded';
}
