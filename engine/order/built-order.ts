import {
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderIssue,
  type OrderLine,
  PAY_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
  SELLER_FLAGS,
  type StandardOrder,
} from './schema.ts';

/**
 * Whether an order an adapter built whole passes `StandardOrderSchema` as it stands, checked without
 * copying it (`normaliseBuilt`). Its types hold what TypeScript can hold (text is a string, flags
 * are booleans); what raw data can still make wrong is checked here: a status looked up in a table
 * by a raw key (`"constructor"` finds a function), money that `yuan` rounded to Infinity, a count
 * past 2^53, an issue that is not plain data. Times are the exception: `chinaTime` only writes ISO
 * times with an offset that the schema's pattern accepts (`raw-fields.test.ts` holds it to that),
 * so the pattern is not run again. False sends the order to `normaliseOrder`, which decides.
 */
export function isBuiltOrderValid(order: StandardOrder): boolean {
  const { amounts, buyer } = order;
  return (
    typeof order.id === 'string' &&
    order.id.length > 0 &&
    PLATFORMS.includes(order.platform) &&
    ORDER_TYPES.includes(order.type) &&
    ORDER_STATUSES.includes(order.status) &&
    PAY_STATUSES.includes(order.payStatus) &&
    REFUND_STATUSES.includes(order.refundStatus) &&
    SELLER_FLAGS.includes(order.sellerFlag) &&
    Number.isFinite(amounts.total) &&
    Number.isFinite(amounts.paid) &&
    Number.isFinite(amounts.freight) &&
    Number.isFinite(amounts.discount) &&
    Number.isFinite(amounts.refund) &&
    amounts.refund >= 0 &&
    Number.isSafeInteger(buyer.memberLevel) &&
    buyer.memberLevel >= 0 &&
    order.lines.every(isValidLine) &&
    order.issues.every(isValidIssue)
  );
}

function isValidLine(line: OrderLine): boolean {
  return (
    typeof line.sku === 'string' &&
    line.sku.length > 0 &&
    Number.isSafeInteger(line.qty) &&
    line.qty >= 1 &&
    Number.isFinite(line.price) &&
    Number.isFinite(line.weightKg) &&
    line.weightKg >= 0 &&
    Number.isFinite(line.volumeL) &&
    line.volumeL >= 0 &&
    REFUND_STATUSES.includes(line.refundStatus)
  );
}

function isValidIssue(issue: OrderIssue): boolean {
  return (
    typeof issue === 'object' &&
    issue !== null &&
    Object.getPrototypeOf(issue) === Object.prototype &&
    typeof issue.code === 'string' &&
    typeof issue.field === 'string' &&
    typeof issue.message === 'string'
  );
}
