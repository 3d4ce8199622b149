import type { Facts } from './fact-accessor.ts';

/**
 * Why this file exists: json-rules-engine runs the rules of one priority concurrently
 * (`Promise.all`) and records each result when that rule's promise chain settles, so the order of
 * hits within a priority is the order in which those chains finish. Microtasks run first in, first
 * out, so a chain that needs fewer microtask turns ("ticks") finishes first, and chains needing
 * the same number finish in the order the rules were added. Every rule shares the same constant
 * tail (event emission), so only the condition tree's delay differs. Measured against
 * json-rules-engine 7.3.1 (rule.js, condition.js, almanac.js) and held by the differential suite:
 *
 * - fact condition: `Promise.all([value, fact]).then(compare)`, then evaluateCondition's `.then`:
 *   3 ticks, plus 1 when the fact, or the fact the value refers to, is present and has a `path`
 *   (almanac.factValue adds a `.then` to resolve the path; a missing fact returns before it).
 * - all/any of n conditions: n = 0 → 0; n = 1 → the condition itself; n ≥ 2 → for each priority
 *   set, a set that runs costs (slowest member + 4) — `Promise.all`, `.then(every|some)` and the
 *   cursor adopting that promise — and a set skipped by short-circuit costs 1.
 * - nested in another condition, all/any add 1 and not adds 2; a reference costs what it names.
 * - at the rule's root, all/any add nothing, not adds 1 and a reference costs what it names.
 */
export type Delay = number | ((facts: Facts, slots: unknown[]) => number);

export const FACT_CONDITION_TICKS = 3;
export const SET_TICKS = 4;
export const SKIPPED_SET_TICKS = 1;
export const NESTED_GROUP_TICKS = 1;
export const NESTED_NOT_TICKS = 2;
export const ROOT_NOT_TICKS = 1;

export function delayOf(delay: Delay, facts: Facts, slots: unknown[]): number {
  return typeof delay === 'number' ? delay : delay(facts, slots);
}

export function addDelay(delay: Delay, ticks: number): Delay {
  if (ticks === 0) return delay;
  return typeof delay === 'number' ? delay + ticks : (facts, slots) => delay(facts, slots) + ticks;
}

/** The delay of members run together: the slowest one. */
export function slowest(delays: readonly Delay[]): Delay {
  if (delays.every((d) => typeof d === 'number')) return Math.max(...(delays as number[]));
  return (facts, slots) => {
    let max = 0;
    for (const d of delays) max = Math.max(max, delayOf(d, facts, slots));
    return max;
  };
}
