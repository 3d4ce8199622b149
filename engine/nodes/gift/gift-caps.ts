import type { EventOrigin } from '../../events/event-def.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { Consumption, StrategyState } from '../../state/index.ts';
import type { GiftRule } from './gift-rule.schema.ts';
import { chinaDay } from './time-window.ts';

/**
 * Takes `qty` units of a rule's gift from every counter of its caps, or from none: a gift that fits
 * its daily cap but not its total takes nothing. The counters are named for the strategy, node, rule
 * and window (`gift:<strategy>:<node>:<rule>:day:2026-11-11`), so two promotions never share a
 * count; they are taken, and listed in `consumed`, in the order total, day, buyer, first orders.
 * False when a cap does not fit, or a per-buyer cap cannot be kept because the order names no buyer.
 * Checking first is safe because one decision runs at a time (StrategyState is synchronous). No list
 * of counters is built: the caps are read twice, in place.
 */
export function takeCaps(
  rule: GiftRule,
  qty: number,
  order: StandardOrder,
  origin: EventOrigin,
  state: StrategyState,
  consumed: Consumption[],
): boolean {
  const { total, perDay, perBuyer, firstOrders } = rule.caps;
  const keys = keysFor(rule, origin);
  let buyerKey = '';
  if (perBuyer !== undefined) {
    if (!order.buyer.id) return false;
    buyerKey = `${keys.prefix}:buyer:${order.buyer.id}`;
  }
  if (perDay !== undefined) {
    const day = chinaDay(order.paidAt ?? order.createdAt);
    if (day !== keys.day) {
      keys.day = day;
      keys.dayKey = `${keys.prefix}:day:${day}`;
    }
  }
  if (total !== undefined && !state.counterFits(keys.total, qty, total)) return false;
  if (perDay !== undefined && !state.counterFits(keys.dayKey, qty, perDay)) return false;
  if (perBuyer !== undefined && !state.counterFits(buyerKey, qty, perBuyer)) return false;
  if (firstOrders !== undefined && !state.counterFits(keys.orders, 1, firstOrders)) return false;
  if (total !== undefined) take(state, keys.total, qty, total, consumed);
  if (perDay !== undefined) take(state, keys.dayKey, qty, perDay, consumed);
  if (perBuyer !== undefined) take(state, buyerKey, qty, perBuyer, consumed);
  if (firstOrders !== undefined) take(state, keys.orders, 1, firstOrders, consumed);
  return true;
}

function take(state: StrategyState, key: string, qty: number, cap: number, consumed: Consumption[]): void {
  state.takeFromCounter(key, qty, cap);
  consumed.push({ kind: 'counter', key, qty });
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
