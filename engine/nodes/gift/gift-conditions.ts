import { type PreparedPredicate, prepareInRegion } from '../../operators/custom-operators.ts';
import { orderInstant } from '../../order/parse-iso-time.ts';
import type { OrderLine, StandardOrder } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';
import { RuleCaps } from './gift-caps.ts';
import type { GiftRule, GiftSpec, GiftWhen } from './gift-rule.schema.ts';
import { bounds, inBounds, type WindowBounds } from './time-window.ts';

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

/** Whether the rule counts the order's lines (items, SKUs bought, multiples): an order without lines cannot say. */
export function countsLines(when: GiftWhen): boolean {
  return when.itemCount !== undefined || when.buys !== undefined || when.multiple !== undefined;
}

/**
 * A rule's conditions and caps laid out once, when the params are first met: every rule in one
 * object shape (its `when` objects differ by which conditions they set, so reading them rule after
 * rule is a lookup through many shapes), an empty list as undefined, the window's bounds parsed.
 */
export class PreparedGiftRule {
  readonly id: string;
  /** The rule's gift, unless spend bands name one per band. */
  readonly gift: GiftSpec | undefined;
  readonly exclusive: boolean;
  readonly caps: RuleCaps;
  readonly countsLines: boolean;
  readonly itemCount: GiftWhen['itemCount'];
  readonly buys: GiftWhen['buys'];
  readonly multiple: GiftWhen['multiple'];
  readonly spend: GiftWhen['spend'];
  readonly memberLevel: number | undefined;
  readonly firstOrder: boolean | undefined;
  readonly remarkKeywords: readonly string[] | undefined;
  readonly labels: readonly string[] | undefined;
  readonly shops: readonly string[] | undefined;
  /** `inRegion` of the rule's regions, their code prefixes found once: not a lookup, trim and regex test per region and order. */
  readonly inRegions: PreparedPredicate | undefined;
  /** Whether the window is on the pay time (else the created time): read by name, not by a key per order. */
  readonly windowOnPaid: boolean;
  readonly window: WindowBounds | undefined;
  private withoutLines: PreparedGiftRule | undefined;

  constructor(
    readonly rule: GiftRule,
    /** Whether the line conditions (items, SKUs bought, multiples) are left out. */
    besidesLines = false,
  ) {
    const when = rule.when;
    this.id = rule.id;
    this.gift = rule.gift;
    this.exclusive = rule.exclusive;
    this.caps = new RuleCaps(rule.id, rule.caps);
    this.countsLines = countsLines(when);
    this.itemCount = besidesLines ? undefined : when.itemCount;
    this.buys = besidesLines ? undefined : when.buys;
    this.multiple = besidesLines ? undefined : when.multiple;
    this.spend = when.spend;
    this.memberLevel = when.memberLevel;
    this.firstOrder = when.firstOrder;
    this.remarkKeywords = when.remarkKeywords.length ? when.remarkKeywords : undefined;
    this.labels = when.labels.length ? when.labels : undefined;
    this.shops = when.shops.length ? when.shops : undefined;
    this.inRegions = when.regions.length ? prepareInRegion(when.regions) : undefined;
    this.windowOnPaid = when.window?.on === 'paidAt';
    this.window = when.window && bounds(when.window);
    this.withoutLines = undefined;
  }

  /** The same rule without its line conditions: for an order without lines, whether it is in play at all. */
  besides(): PreparedGiftRule {
    this.withoutLines ??= new PreparedGiftRule(this.rule, true);
    return this.withoutLines;
  }

  /** Every plain condition but spend and multiples, which also size the gift. */
  plainConditionsHold(order: StandardOrder, lines: readonly OrderLine[], state: StrategyState): boolean {
    if (this.itemCount && qtyOf(lines, this.itemCount.skus) < this.itemCount.min) return false;
    if (this.buys && !buysMatch(this.buys, lines)) return false;
    if (this.memberLevel !== undefined && order.buyer.memberLevel < this.memberLevel) return false;
    if (this.firstOrder !== undefined && !firstOrderMatch(this.firstOrder, order, state)) return false;
    if (this.remarkKeywords && !remarkContainsAny(order, this.remarkKeywords)) return false;
    if (this.labels && !hasAnyLabel(order, this.labels)) return false;
    if (this.shops && !this.shops.includes(order.shop)) return false;
    if (this.inRegions && !this.inRegions(order.receiver)) return false;
    if (this.window === undefined) return true;
    // An unpaid order is outside every window on its pay time.
    const stamp = this.windowOnPaid ? order.paidAt : order.createdAt;
    return stamp ? inBounds(orderInstant(stamp), this.window) : false;
  }

  /** What the rule gives this order, or null when a condition fails. Reads state, never changes it. */
  match(order: StandardOrder, state: StrategyState, lines: readonly OrderLine[]): GiftMatch | null {
    if (!this.plainConditionsHold(order, lines, state)) return null;
    const gift = this.spend ? reachedBand(this.spend, order) : this.gift;
    if (!gift) return null;
    if (!this.multiple) return { gift, sets: 1 };
    const { every, skus, maxSets } = this.multiple;
    const sets = Math.min(Math.floor(qtyOf(lines, skus) / every), maxSets ?? Number.POSITIVE_INFINITY);
    return sets > 0 ? { gift, sets } : null;
  }
}

/** By the rule object, which the pipeline prepares once per strategy version. */
const preparedRules = new WeakMap<GiftRule, PreparedGiftRule>();

export function prepareGiftRule(rule: GiftRule): PreparedGiftRule {
  let prepared = preparedRules.get(rule);
  if (prepared === undefined) {
    prepared = new PreparedGiftRule(rule);
    preparedRules.set(rule, prepared);
  }
  return prepared;
}

/** Whether the rule's other conditions hold: for an order without lines, whether the rule is in play at all. */
export function matchesBesidesLines(rule: GiftRule, order: StandardOrder, state: StrategyState): boolean {
  return prepareGiftRule(rule).besides().match(order, state, []) !== null;
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
  return prepareGiftRule(rule).match(order, state, lines);
}
