import { z } from 'zod';
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

/** An unpaid order is outside every window on its pay time. */
export function inWindow(order: StandardOrder, window: TimeWindow): boolean {
  const stamp = order[window.on];
  if (!stamp) return false;
  const at = Date.parse(stamp);
  if (window.start !== undefined && at < Date.parse(window.start)) return false;
  return window.end === undefined || at < Date.parse(window.end);
}

/** A message when the window closes before it opens (so no order can be in it). */
export function windowIssue(window: TimeWindow): string | undefined {
  if (window.start === undefined || window.end === undefined) return undefined;
  return Date.parse(window.start) < Date.parse(window.end)
    ? undefined
    : `the window ends (${window.end}) before it starts (${window.start})`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) an instant falls on, as `YYYY-MM-DD`. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
