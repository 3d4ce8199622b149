import { parseIsoTime } from '../engine/order/parse-iso-time.ts';
import type { StandardOrder } from '../engine/order/schema.ts';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * When an OMS would have decided the order, in epoch milliseconds: its pay time, or its created
 * time while it was never paid (the OMS saw it, and held it as unpaid, when it arrived). Orders are
 * replayed in this order, ties by input line, and (plus `--decide-after`) it is the pipeline's clock for
 * the order, so facts such as `minutesSincePaid` come out the same on every run. `Date.parse`'s
 * answer, by arithmetic (1.3 % of a prepare worker's time as `Date.parse`, measured).
 */
export function decisionTime(order: StandardOrder): number {
  return parseIsoTime(order.paidAt ?? order.createdAt);
}

/**
 * The pipeline's clock for an order an OMS decides `decideAfterMinutes` after its decision time: an OMS
 * that waits (a merge window, a review queue) sees `minutesSincePaid` equal to that delay. The replay
 * order stays the decision time's, which the same delay for every order does not change.
 */
export function decisionClock(decideAfterMinutes: number): (order: StandardOrder) => Date {
  const delayMs = decideAfterMinutes * 60_000;
  return (order) => new Date(decisionTime(order) + delayMs);
}

/** The hour of the day (0–23) in China time. */
export function chinaHour(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCHours();
}

/** "2026-11-11 00:03:17", China time, for a person reading the report. */
export function chinaTimeText(ms: number): string {
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
