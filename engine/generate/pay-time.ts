import type { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

/**
 * When double-11 orders are paid: a rush in the first two hours of 2026-11-11 (China time), fading
 * fast, then a tail over the day with an evening bump. Times are epoch milliseconds.
 */
const DOUBLE_11 = Date.UTC(2026, 10, 10, 16, 0, 0); // 2026-11-11 00:00:00 +08:00

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;
const PEAK_SHARE = 0.62;
const PEAK_MEAN_MINUTES = 22;

// Relative share of each later hour of the day (02:00 → 23:00).
const TAIL_HOURS = new Weighted(
  [
    1, 0.6, 0.4, 0.3, 0.4, 0.8, 1.5, 2.2, 2.5, 2.5, 2.6, 2.4, 2.3, 2.3, 2.2, 2, 2, 2.6, 3.4, 3.8, 3.5, 2.8,
  ].map((weight, i) => [i + 2, weight] as const),
);

/** Minutes after midnight, exponential with `mean` but cut at `limit` (drawn within it, not piled up at it). */
function truncatedExponential(prng: Prng, mean: number, limit: number): number {
  return -mean * Math.log(1 - prng.next() * (1 - Math.exp(-limit / mean)));
}

export function payTime(prng: Prng): number {
  if (prng.chance(PEAK_SHARE)) return DOUBLE_11 + truncatedExponential(prng, PEAK_MEAN_MINUTES, 120) * MINUTE;
  return DOUBLE_11 + TAIL_HOURS.pick(prng) * HOUR + prng.int(HOUR);
}

/** The order is created moments before it is paid: the buyer was ready at midnight. */
export function createdBefore(prng: Prng, paid: number): number {
  return paid - Math.floor(Math.exp(prng.next() * 6) * 1000) - prng.int(1000);
}

/** A presale deposit, paid between 20 October and 10 November. */
export function depositTime(prng: Prng): number {
  return DOUBLE_11 - 22 * DAY + prng.int(21 * DAY);
}

/** A presale balance: due from midnight, most paid within the hour. */
export function balanceTime(prng: Prng): number {
  if (prng.chance(0.85)) return DOUBLE_11 + truncatedExponential(prng, 12, 60) * MINUTE;
  return DOUBLE_11 + HOUR + prng.int(23 * HOUR);
}

/** "2026-11-11 00:03:17", the China local time Tmall and JD write. */
export function chinaLocalTime(ms: number): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000 + CHINA_OFFSET).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Unix seconds, as Douyin writes times. */
export const unixSeconds = (ms: number) => Math.floor(ms / 1000);
