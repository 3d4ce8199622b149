import type { EventOrigin } from '../../events/event-def.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { Consumption, StrategyState } from '../../state/index.ts';
import type { GiftRule } from './gift-rule.schema.ts';
import { chinaDay } from './time-window.ts';

/** One counter a gift takes from: its state key, how much it takes, and its cap. */
export interface CapCounter {
  key: string;
  qty: number;
  cap: number;
}

/**
 * The counters giving `qty` units of a rule's gift takes from, named for the strategy, node, rule
 * and window (`gift:<strategy>:<node>:<rule>:day:2026-11-11`), so two promotions never share a
 * count. null when a per-buyer cap cannot be kept because the order names no buyer.
 */
export function capCounters(
  rule: GiftRule,
  qty: number,
  order: StandardOrder,
  origin: EventOrigin,
): CapCounter[] | null {
  const { total, perDay, perBuyer, firstOrders } = rule.caps;
  const keys = keysFor(rule, origin);
  const counters: CapCounter[] = [];
  if (total !== undefined) counters.push({ key: keys.total, qty, cap: total });
  if (perDay !== undefined) {
    const day = chinaDay(order.paidAt ?? order.createdAt);
    if (day !== keys.day) {
      keys.day = day;
      keys.dayKey = `${keys.prefix}:day:${day}`;
    }
    counters.push({ key: keys.dayKey, qty, cap: perDay });
  }
  if (perBuyer !== undefined) {
    if (!order.buyer.id) return null;
    counters.push({ key: `${keys.prefix}:buyer:${order.buyer.id}`, qty, cap: perBuyer });
  }
  if (firstOrders !== undefined) counters.push({ key: keys.orders, qty: 1, cap: firstOrders });
  return counters;
}

/** A rule's counter names for one origin, and the last day's: built (and hashed by the state's map) once, not per order. */
interface RuleKeys {
  origin: EventOrigin;
  prefix: string;
  total: string;
  orders: string;
  day: string | undefined;
  dayKey: string;
}

// By the rule object, which the pipeline prepares once per rule; a rule met under another origin is named anew.
const ruleKeys = new WeakMap<GiftRule, RuleKeys>();

function keysFor(rule: GiftRule, origin: EventOrigin): RuleKeys {
  let keys = ruleKeys.get(rule);
  if (
    keys === undefined ||
    keys.origin.strategyId !== origin.strategyId ||
    keys.origin.nodeId !== origin.nodeId
  ) {
    const prefix = `gift:${origin.strategyId}:${origin.nodeId}:${rule.id}`;
    keys = {
      origin: { strategyId: origin.strategyId, nodeId: origin.nodeId },
      prefix,
      total: `${prefix}:total`,
      orders: `${prefix}:orders`,
      day: undefined,
      dayKey: '',
    };
    ruleKeys.set(rule, keys);
  }
  return keys;
}

/**
 * Takes from every counter or from none: a gift that fits its daily cap but not its total takes
 * nothing. Checking first is safe because one decision runs at a time (StrategyState is synchronous).
 */
export function takeCaps(state: StrategyState, counters: CapCounter[], consumed: Consumption[]): boolean {
  for (const { key, qty, cap } of counters) if (!state.counterFits(key, qty, cap)) return false;
  for (const { key, qty, cap } of counters) {
    state.takeFromCounter(key, qty, cap);
    consumed.push({ kind: 'counter', key, qty });
  }
  return true;
}
