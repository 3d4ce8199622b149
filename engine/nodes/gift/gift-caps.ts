import type { EventOrigin } from '../../events/event-def.ts';
import { orderInstant } from '../../order/parse-iso-time.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { Consumption, StrategyState } from '../../state/index.ts';
import type { GiftCaps } from './gift-rule.schema.ts';
import { chinaDay, chinaDayNumber } from './time-window.ts';

/**
 * A rule's caps, laid out once per rule with its counter names. The counters are named for the
 * strategy, node, rule and window (`gift:<strategy>:<node>:<rule>:day:2026-11-11`), so two
 * promotions never share a count; they are read, taken, and listed in `consumed` in the order
 * total, day, buyer, first orders. Every rule holds its caps in one object shape: the parsed caps
 * objects differ by which caps they set, so reading them rule after rule was a lookup through many
 * shapes.
 *
 * `fit` reads and `take` takes, so a caller asks whether a gift's stock is there only when its caps
 * fit: a stock check reads every warehouse, and a gift over its cap needs none. Checking first is
 * safe because one decision runs at a time (StrategyState is synchronous).
 */
export class RuleCaps {
  private readonly total: number | undefined;
  private readonly perDay: number | undefined;
  private readonly perBuyer: number | undefined;
  private readonly firstOrders: number | undefined;
  /** Whether the rule has a cap at all: most have none, and give without reading a counter. */
  readonly any: boolean;
  /** The origin the names below are for: a rule met under another origin is named anew. */
  private origin: EventOrigin | undefined;
  private prefix = '';
  private totalKey = '';
  private ordersKey = '';
  /** The last day's counter name, built (and hashed by the state's map) once a day, not per order. */
  private day: number | undefined;
  private dayKey = '';

  constructor(
    private readonly ruleId: string,
    { total, perDay, perBuyer, firstOrders }: GiftCaps,
  ) {
    this.total = total;
    this.perDay = perDay;
    this.perBuyer = perBuyer;
    this.firstOrders = firstOrders;
    this.any =
      total !== undefined || perDay !== undefined || perBuyer !== undefined || firstOrders !== undefined;
    this.origin = undefined;
    this.day = undefined;
  }

  /**
   * Whether `qty` more units fit every cap. False when a cap does not fit, or a per-buyer cap cannot
   * be kept because the order names no buyer. Reads the counters, never changes them.
   */
  fit(qty: number, order: StandardOrder, origin: EventOrigin, state: StrategyState): boolean {
    if (!this.any) return true;
    this.nameFor(origin);
    const { total, perDay, perBuyer, firstOrders } = this;
    if (perBuyer !== undefined && !order.buyer.id) return false;
    if (total !== undefined && !state.counterFits(this.totalKey, qty, total)) return false;
    if (perDay !== undefined && !state.counterFits(this.dayKeyOf(order), qty, perDay)) return false;
    if (perBuyer !== undefined && !state.counterFits(this.buyerKey(order), qty, perBuyer)) return false;
    return firstOrders === undefined || state.counterFits(this.ordersKey, 1, firstOrders);
  }

  /**
   * Takes `qty` units from every counter of the caps, recording each in `consumed`. Call after `fit`
   * said yes for the same order and origin, so a gift that fits its daily cap but not its total
   * takes nothing.
   */
  take(qty: number, order: StandardOrder, state: StrategyState, consumed: Consumption[]): void {
    const { total, perDay, perBuyer, firstOrders } = this;
    if (total !== undefined) take(state, this.totalKey, qty, total, consumed);
    if (perDay !== undefined) take(state, this.dayKeyOf(order), qty, perDay, consumed);
    if (perBuyer !== undefined) take(state, this.buyerKey(order), qty, perBuyer, consumed);
    if (firstOrders !== undefined) take(state, this.ordersKey, 1, firstOrders, consumed);
  }

  private nameFor(origin: EventOrigin): void {
    const named = this.origin;
    if (named !== undefined && named.strategyId === origin.strategyId && named.nodeId === origin.nodeId)
      return;
    this.origin = { strategyId: origin.strategyId, nodeId: origin.nodeId };
    this.prefix = `gift:${origin.strategyId}:${origin.nodeId}:${this.ruleId}`;
    this.totalKey = `${this.prefix}:total`;
    this.ordersKey = `${this.prefix}:orders`;
    this.day = undefined;
  }

  /**
   * The day compared as a number, from the instant the window conditions already parsed: naming it
   * took a regex test and a slice per order (3 to 5% of the gift stage, profiled). A stamp that is
   * no time gives NaN, never equal, so it is named every time, as before.
   */
  private dayKeyOf(order: StandardOrder): string {
    const stamp = order.paidAt ?? order.createdAt;
    const day = chinaDayNumber(orderInstant(stamp));
    if (day !== this.day) {
      this.day = day;
      this.dayKey = `${this.prefix}:day:${chinaDay(stamp)}`;
    }
    return this.dayKey;
  }

  private buyerKey(order: StandardOrder): string {
    return `${this.prefix}:buyer:${order.buyer.id}`;
  }
}

function take(state: StrategyState, key: string, qty: number, cap: number, consumed: Consumption[]): void {
  state.takeFromCounter(key, qty, cap);
  consumed.push({ kind: 'counter', key, qty });
}
