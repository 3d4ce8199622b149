import { inRegion } from '../../operators/custom-operators.ts';
import type { OrderLine, StandardOrder } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';
import type { GiftRule, GiftSpec, GiftWhen } from './gift-rule.schema.ts';
import { inWindow } from './time-window.ts';

/** The gift a rule gives an order, and how many sets of it (1 unless the rule gives per multiple). */
export interface GiftMatch {
  gift: GiftSpec;
  sets: number;
}

/** The order's own lines a promotion counts: not gifts, not refunded. */
export function qualifyingLines(order: StandardOrder): readonly OrderLine[] {
  // Most orders have neither: their own lines are read in place, not copied.
  for (const line of order.lines) {
    if (line.isGift || line.refundStatus === 'refunded')
      return order.lines.filter((l) => !l.isGift && l.refundStatus !== 'refunded');
  }
  return order.lines;
}

/** Units of these SKUs, or of every line when none are listed. */
function qtyOf(lines: readonly OrderLine[], skus: readonly string[]): number {
  let qty = 0;
  for (const line of lines) if (skus.length === 0 || skus.includes(line.sku)) qty += line.qty;
  return qty;
}

export function remarkContainsAny(order: StandardOrder, keywords: readonly string[]): boolean {
  for (const k of keywords) if (order.buyerMessage.includes(k) || order.sellerMemo.includes(k)) return true;
  return false;
}

function hasAnyLabel(order: StandardOrder, labels: readonly string[]): boolean {
  for (const label of labels) if (order.labels.includes(label)) return true;
  return false;
}

/** The highest band the order reaches, or undefined below the lowest. */
function reachedBand(spend: NonNullable<GiftWhen['spend']>, order: StandardOrder): GiftSpec | undefined {
  const amount = order.amounts[spend.basis];
  let best: { min: number; gift: GiftSpec } | undefined;
  for (const band of spend.bands) if (amount >= band.min && (!best || band.min > best.min)) best = band;
  return best?.gift;
}

/**
 * Whether the lines' SKUs meet `buys`. An order has a few lines, so each SKU is looked for among
 * them, where a set of their SKUs per rule cost more than the lookups it spared.
 */
function buysMatch(buys: NonNullable<GiftWhen['buys']>, lines: readonly OrderLine[]): boolean {
  if (buys.any.length > 0 && !someBought(buys.any, lines)) return false;
  for (const sku of buys.all) if (!bought(sku, lines)) return false;
  return !someBought(buys.none, lines);
}

function someBought(skus: readonly string[], lines: readonly OrderLine[]): boolean {
  for (const sku of skus) if (bought(sku, lines)) return true;
  return false;
}

function bought(sku: string, lines: readonly OrderLine[]): boolean {
  for (const line of lines) if (line.sku === sku) return true;
  return false;
}

function firstOrderMatch(firstOrder: boolean, order: StandardOrder, state: StrategyState): boolean {
  // The pipeline records an order after deciding it, so a first order sees a count of 0.
  if (!order.buyer.id) return false;
  return (state.buyerOrders(order.buyer.id) === 0) === firstOrder;
}

/** Every plain condition but spend and multiples, which also size the gift. */
function plainConditionsHold(
  when: GiftWhen,
  order: StandardOrder,
  lines: readonly OrderLine[],
  state: StrategyState,
): boolean {
  if (when.itemCount && qtyOf(lines, when.itemCount.skus) < when.itemCount.min) return false;
  if (when.buys && !buysMatch(when.buys, lines)) return false;
  if (when.memberLevel !== undefined && order.buyer.memberLevel < when.memberLevel) return false;
  if (when.firstOrder !== undefined && !firstOrderMatch(when.firstOrder, order, state)) return false;
  if (when.remarkKeywords.length && !remarkContainsAny(order, when.remarkKeywords)) return false;
  if (when.labels.length && !hasAnyLabel(order, when.labels)) return false;
  if (when.shops.length && !when.shops.includes(order.shop)) return false;
  if (when.regions.length && !inRegion(order.receiver, when.regions)) return false;
  return !when.window || inWindow(order, when.window);
}

/** Whether the rule counts the order's lines (items, SKUs bought, multiples): an order without lines cannot say. */
export function countsLines(when: GiftWhen): boolean {
  return when.itemCount !== undefined || when.buys !== undefined || when.multiple !== undefined;
}

/** Whether the rule's other conditions hold: for an order without lines, whether the rule is in play at all. */
export function matchesBesidesLines(rule: GiftRule, order: StandardOrder, state: StrategyState): boolean {
  const when = { ...rule.when, itemCount: undefined, buys: undefined, multiple: undefined };
  return matchGiftRule({ ...rule, when }, order, state, []) !== null;
}

/**
 * What the rule gives this order, or null when a condition fails. Reads state, never changes it.
 * `lines` are the order's qualifying lines, passed in by a caller matching many rules to one order.
 */
export function matchGiftRule(
  rule: GiftRule,
  order: StandardOrder,
  state: StrategyState,
  lines: readonly OrderLine[] = qualifyingLines(order),
): GiftMatch | null {
  const { when } = rule;
  if (!plainConditionsHold(when, order, lines, state)) return null;
  const gift = when.spend ? reachedBand(when.spend, order) : rule.gift;
  if (!gift) return null;
  if (!when.multiple) return { gift, sets: 1 };
  const { every, skus, maxSets } = when.multiple;
  const sets = Math.min(Math.floor(qtyOf(lines, skus) / every), maxSets ?? Number.POSITIVE_INFINITY);
  return sets > 0 ? { gift, sets } : null;
}
