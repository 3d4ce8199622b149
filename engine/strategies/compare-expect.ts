import type { Decision } from '../decision/decision.ts';
import type { Family, StrategyExpect } from '../graph/schema.ts';
import { jsonEqual } from './json-equal.ts';

const show = (value: unknown) => JSON.stringify(value);

type Projected = Exclude<keyof StrategyExpect, 'events' | 'extracted'>;

/** How each expectation reads the decision: short strings a consultant can write in a test. */
const PROJECTIONS: Record<Projected, (d: Decision) => unknown> = {
  status: (d) => d.status,
  holds: (d) => d.holds.map((h) => h.reason),
  flags: (d) => d.flags.map((f) => f.reason),
  warehouse: (d) => d.warehouse,
  carrier: (d) => d.carrier,
  tags: (d) => d.tags,
  gifts: (d) => d.gifts.map((g) => g.sku),
  giftQuantities: (d) => d.gifts.map((g) => `${g.sku}×${g.qty}`),
  parcels: (d) =>
    d.parcels.map((p) => `${p.warehouse ?? '-'}: ${p.lines.map((l) => `${l.sku}×${l.qty}`).join(', ')}`),
  substitutions: (d) => d.substitutions.map((s) => `${s.from}→${s.to}×${s.qty}`),
  consumed: (d) =>
    d.consumed.map((c) =>
      c.kind === 'counter'
        ? `counter ${c.key}×${c.qty}`
        : c.kind === 'stock'
          ? `stock ${c.warehouse}/${c.sku}×${c.qty}`
          : `merge ${c.group}×${c.size}`,
    ),
  merge: (d) => {
    if (!d.merge) return null;
    if (d.merge.group === null) return `excluded: ${d.merge.excluded}`;
    return d.merge.joined ? `joined×${d.merge.size}` : 'opened';
  },
};

/** One expectation the decision did not meet: the field as a test names it, and both values. */
export interface ExpectDiff {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** Each way the decision differs from what the test expects; empty when it passes. */
export function expectDiffs(expect: StrategyExpect, decision: Decision): ExpectDiff[] {
  const diffs: ExpectDiff[] = [];
  const check = (field: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && !jsonEqual(expected, actual)) diffs.push({ field, expected, actual });
  };
  for (const [field, project] of Object.entries(PROJECTIONS)) {
    const expected = expect[field as Projected];
    if (expected !== undefined) check(field, expected, project(decision));
  }
  for (const [key, value] of Object.entries(expect.extracted ?? {})) {
    check(`extracted.${key}`, value, decision.extracted[key]);
  }
  if (expect.events) {
    const types = expect.events.map((e) => e.type);
    const actual = decision.events.map((e) => e.type);
    if (!jsonEqual(types, actual)) diffs.push({ field: 'events', expected: types, actual });
    else
      for (const [i, e] of expect.events.entries())
        check(`events[${i}].params`, e.params, decision.events[i]!.params);
  }
  return diffs;
}

/** Each way the decision differs from what the test expects, as a sentence; empty when it passes. */
export function compareExpect(expect: StrategyExpect, decision: Decision): string[] {
  return expectDiffs(expect, decision).map(
    (d) => `${d.field}: expected ${show(d.expected)}, got ${show(d.actual)}`,
  );
}

/**
 * What a test saved from this decision expects: the status, holds and flags every stage has, and
 * what the strategy's own stage decides. Fields another stage decides are left out, so the test
 * checks this strategy only.
 */
export function expectationOf(decision: Decision, family: Family): StrategyExpect {
  const own: Partial<Record<Family, Projected[]>> = {
    remark: [],
    gift: ['giftQuantities'],
    substitution: ['substitutions'],
    split: ['parcels'],
    routing: ['warehouse', 'parcels'],
    carrier: ['carrier'],
    merge: ['merge'],
    tag: ['tags'],
  };
  const expect: StrategyExpect = { status: decision.status, holds: [], flags: [] };
  for (const field of ['holds', 'flags', ...(own[family] ?? [])] as Projected[]) {
    (expect as Record<string, unknown>)[field] = PROJECTIONS[field](decision);
  }
  if (family === 'remark') expect.extracted = decision.extracted;
  return expect;
}
