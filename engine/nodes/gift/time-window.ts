import { z } from 'zod';
import { DATETIME_WITH_OFFSET } from '../../order/fast-parse.ts';
import { orderInstant } from '../../order/parse-iso-time.ts';
import type { StandardOrder } from '../../order/schema.ts';

/**
 * A promotion window on the order's created or paid time. Bounds are instants with their offset
 * (`2026-11-11T00:00:00+08:00`), so a consultant writes China time and orders stamped in UTC still
 * compare right. Half-open: `start` is in, `end` is out, so back-to-back windows never share an order.
 */
export const TimeWindowSchema = z.object({
  on: z.enum(['paidAt', 'createdAt']).default('paidAt'),
  start: z.iso.datetime({ offset: true }).optional(),
  end: z.iso.datetime({ offset: true }).optional(),
});
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

/** A window's bounds as instants. */
export interface WindowBounds {
  start: number | undefined;
  end: number | undefined;
}

/** Parsed once per window object (the params the pipeline prepares once). */
const boundsCache = new WeakMap<TimeWindow, WindowBounds>();

export function bounds(window: TimeWindow): WindowBounds {
  let parsed = boundsCache.get(window);
  if (!parsed) {
    parsed = {
      start: window.start === undefined ? undefined : Date.parse(window.start),
      end: window.end === undefined ? undefined : Date.parse(window.end),
    };
    boundsCache.set(window, parsed);
  }
  return parsed;
}

/** An unpaid order is outside every window on its pay time. */
export function inWindow(order: StandardOrder, window: TimeWindow): boolean {
  const stamp = order[window.on];
  if (!stamp) return false;
  return inBounds(orderInstant(stamp), bounds(window));
}

/** Half-open: `start` is in, `end` is out. */
export function inBounds(at: number, { start, end }: WindowBounds): boolean {
  if (start !== undefined && at < start) return false;
  return end === undefined || at < end;
}

/** A message when the window closes before it opens (so no order can be in it). */
export function windowIssue(window: TimeWindow): string | undefined {
  if (window.start === undefined || window.end === undefined) return undefined;
  return Date.parse(window.start) < Date.parse(window.end)
    ? undefined
    : `the window ends (${window.end}) before it starts (${window.start})`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The China calendar day (UTC+8, no daylight saving) an instant falls on, as days since 1970-01-01
 * there: what a daily cap compares order after order, where naming the day (`chinaDay`) is needed
 * only when it changes.
 */
export function chinaDayNumber(at: number): number {
  return Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);
}

/**
 * The calendar day in China an instant falls on, as `YYYY-MM-DD`. A valid time already written in
 * China time (every adapter writes `+08:00`) names that day itself, so only other stamps take the
 * Date round trip. Valid is the zod datetime form.
 */
export function chinaDay(iso: string): string {
  return iso.endsWith('+08:00') && DATETIME_WITH_OFFSET.test(iso)
    ? iso.slice(0, 10)
    : new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
