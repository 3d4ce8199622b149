import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.ts';

describe('isoTime', () => {
  it('writes what toISOString writes, for any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('writes what toISOString writes for times from 1970 to 9999, which it formats itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(10000, 0, 1) - 1 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes what toISOString writes for runs of times over a few days, as the remembered dates turn over', () => {
    const start = Date.UTC(2026, 10, 10, 12);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 86_400_000 }), { maxLength: 50 }), (offsets) => {
        for (const offset of offsets)
          expect(isoTime(start + offset)).toBe(new Date(start + offset).toISOString());
      }),
    );
  });

  it('writes what toISOString writes at the edges: epoch, leap days, centuries, year 9999 and 10000', () => {
    const edges = [
      0,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2026, 10, 11, 16, 0, 0, 5),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      -1,
      1.5,
    ];
    for (const ms of edges) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('throws as toISOString does for what is no time', () => {
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(9e15)).toThrow(RangeError);
  });
});
