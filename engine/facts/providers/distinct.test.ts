import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinct } from './distinct.ts';

const value = (item: { v: unknown }) => item.v;

describe('distinct', () => {
  it('lists what [...new Set(values)] lists, for short lists (scanned) and long ones (a Set)', () => {
    const values = fc.oneof(
      fc.constantFrom('A', 'B', 'C', '', 'constructor', '__proto__'),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(
          values.map((v) => ({ v })),
          { maxLength: 40 },
        ),
        (items) => {
          expect(distinct(items, value)).toEqual([...new Set(items.map(value))]);
        },
      ),
    );
  });

  it('with truthyOnly, lists what [...new Set(values.filter(Boolean))] lists', () => {
    const values = fc.constantFrom('A', 'B', '', undefined, null, 0, Number.NaN, false, 1);
    fc.assert(
      fc.property(
        fc.array(
          values.map((v) => ({ v })),
          { maxLength: 40 },
        ),
        (items) => {
          expect(distinct(items, value, true)).toEqual([...new Set(items.map(value).filter(Boolean))]);
        },
      ),
    );
  });
});
