import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CUSTOM_OPERATORS,
  containsAll,
  containsAny,
  inRegion,
  PREPARED_OPERATORS,
} from './custom-operators.ts';

/**
 * The operators as first written, with a list built per test and `some`/`every`: the definition the
 * loops in custom-operators.ts must agree with on every value, holes, NaN and -0 included.
 */
function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
function includes(factValue: unknown, needle: unknown): boolean {
  if (typeof factValue === 'string') return typeof needle === 'string' && factValue.includes(needle);
  return asList(factValue).includes(needle);
}
const reference = {
  containsAny: (factValue: unknown, ruleValue: unknown) =>
    asList(ruleValue).some((needle) => includes(factValue, needle)),
  containsAll: (factValue: unknown, ruleValue: unknown) => {
    const needles = asList(ruleValue);
    return needles.length > 0 && needles.every((needle) => includes(factValue, needle));
  },
  inRegion: (factValue: unknown, ruleValue: unknown) =>
    asList(ruleValue).some((region) => inRegion(factValue, [region])),
};

// Few distinct values, so facts and needles often meet.
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', '', '顺丰', 'SKU-1', 0, -0, 1, Number.NaN, true, false, null, undefined),
  fc.string({ maxLength: 3 }),
);
const list = fc.oneof(fc.array(scalar, { maxLength: 4 }), fc.sparseArray(scalar, { maxLength: 4 }));
const value = fc.oneof(scalar, list, fc.constant({ a: 1 }));

const region = fc.constantFrom('浙江', '33', '3301', '330106', '上海', '火星', '', 7, null, undefined);
const regionFact = fc.oneof(
  region,
  fc.constant({ provinceCode: '33', cityCode: '3301', districtCode: '330106' }),
  fc.constant({ provinceCode: '31', cityCode: '', districtCode: '' }),
);
const regions = fc.oneof(
  region,
  fc.array(region, { maxLength: 3 }),
  fc.sparseArray(region, { maxLength: 3 }),
);

describe('containsAny, containsAll and inRegion as loops', () => {
  it('answer as the list-and-closure definitions do, for any fact and rule value', () => {
    fc.assert(
      fc.property(value, value, (fact, rule) => {
        expect(containsAny(fact, rule)).toBe(reference.containsAny(fact, rule));
        expect(containsAll(fact, rule)).toBe(reference.containsAll(fact, rule));
      }),
      { numRuns: 20_000 },
    );
  });

  it('place a region as the one-region-at-a-time definition does', () => {
    fc.assert(
      fc.property(regionFact, regions, (fact, rule) => {
        expect(inRegion(fact, rule)).toBe(reference.inRegion(fact, rule));
      }),
      { numRuns: 5_000 },
    );
  });

  it('skip holes as some and every do, and find NaN in a list as includes does', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holey = [, 'a'];
    expect(containsAny(['a'], holey)).toBe(true);
    expect(containsAll([], holey)).toBe(false);
    // biome-ignore lint/suspicious/noSparseArray: a list of only a hole: every is vacuously true
    expect(containsAll('x', [,])).toBe(true);
    expect(containsAny(Number.NaN, [Number.NaN])).toBe(true);
    expect(containsAny([Number.NaN], [Number.NaN])).toBe(true);
    expect(containsAny(-0, [0])).toBe(true);
  });
});

describe('prepared operators', () => {
  const prepared = (name: keyof typeof PREPARED_OPERATORS, rule: unknown) => PREPARED_OPERATORS[name]!(rule);
  const pattern = fc.oneof(
    fc.constantFrom('a', '^a', '\\S', '([a-z', '', '1'),
    fc.record({ pattern: fc.constantFrom('A', 'b$', '\\d'), flags: fc.constantFrom('', 'i', 'g', 'gi') }),
    fc.constantFrom(null, undefined, 7, { flags: 'i' }),
  );
  const text = fc.oneof(
    fc.constantFrom('a', 'ab', 'Ab1', '', 'b', 12, 0.5, null, undefined, ['a']),
    fc.string({ maxLength: 3 }),
  );

  it('answer as their predicates do, for any fact and rule value', () => {
    fc.assert(
      fc.property(value, value, (fact, rule) => {
        expect(prepared('containsAny', rule)(fact)).toBe(CUSTOM_OPERATORS.containsAny(fact, rule));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(text, pattern, (fact, rule) => {
        expect(prepared('matchesRegex', rule)(fact)).toBe(CUSTOM_OPERATORS.matchesRegex(fact, rule));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(regionFact, regions, (fact, rule) => {
        expect(prepared('inRegion', rule)(fact)).toBe(CUSTOM_OPERATORS.inRegion(fact, rule));
      }),
      { numRuns: 5_000 },
    );
  });

  it('read a list fact whole, holes as undefined, as includes does', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(prepared('containsAny', [undefined])([, 'a'])).toBe(true);
    // biome-ignore lint/suspicious/noSparseArray: a hole in the rule value is no needle
    expect(prepared('containsAny', [, 'b'])(['a', undefined])).toBe(false);
    expect(prepared('containsAny', [Number.NaN, 0])([-0])).toBe(true);
  });
});
