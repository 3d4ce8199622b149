import { isDeepStrictEqual } from 'node:util';
import type { Decision } from '../decision/decision.ts';
import type { StrategyExpect } from '../graph/schema.ts';

const show = (value: unknown) => JSON.stringify(value);

/** Each way the decision differs from what the test expects, as a sentence; empty when it passes. */
export function compareExpect(expect: StrategyExpect, decision: Decision): string[] {
  const failures: string[] = [];
  const check = (field: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && !isDeepStrictEqual(expected, actual)) {
      failures.push(`${field}: expected ${show(expected)}, got ${show(actual)}`);
    }
  };
  check('status', expect.status, decision.status);
  check(
    'holds',
    expect.holds,
    decision.holds.map((h) => h.reason),
  );
  check(
    'flags',
    expect.flags,
    decision.flags.map((f) => f.reason),
  );
  check('warehouse', expect.warehouse, decision.warehouse);
  check('carrier', expect.carrier, decision.carrier);
  check('tags', expect.tags, decision.tags);
  check(
    'gifts',
    expect.gifts,
    decision.gifts.map((g) => g.sku),
  );
  for (const [key, value] of Object.entries(expect.extracted ?? {}))
    check(`extracted.${key}`, value, decision.extracted[key]);
  if (expect.events) {
    const actual = decision.events.map((e) => e.type);
    const types = expect.events.map((e) => e.type);
    if (!isDeepStrictEqual(types, actual)) {
      failures.push(`events: expected ${show(types)}, got ${show(actual)}`);
    } else {
      for (const [i, e] of expect.events.entries())
        check(`events[${i}].params`, e.params, decision.events[i]!.params);
    }
  }
  return failures;
}
