import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastStamp, parseStamp } from './stamp.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Stamps in and around the adapters' form: out-of-range fields, odd fractions and offsets. */
const nearStamp = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.constantFrom('', '.5', '.12', '.123', '.999', '.1234', '.', '.12a'),
    offset: fc.constantFrom(
      'Z',
      '+08:00',
      '-05:30',
      '+23:59',
      '+24:00',
      '-00:00',
      '+8:00',
      'z',
      '',
      '+08:60',
      '+0800',
    ),
    separator: fc.constantFrom('T', 'T', 'T', ' ', 't'),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}${p.separator}${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.fraction}${p.offset}`,
  );

/** Valid stamps in the strict form, which must take the arithmetic, not the fallback. */
const strictStamp = fc
  .record({
    at: fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    millis: fc.boolean(),
    offset: fc.constantFrom('Z', '+08:00', '-05:30', '+14:00', '-00:00', '+00:00', '-23:59'),
  })
  .map(({ at, millis, offset }) => {
    const iso = at.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ for years 0–9999
    return (millis ? iso.slice(0, 23) : iso.slice(0, 19)) + offset;
  });

describe('parseStamp', () => {
  it('is Date.parse for strings in and around the stamp form', () => {
    fc.assert(
      fc.property(nearStamp, (stamp) => {
        expect(parseStamp(stamp)).toBe(Date.parse(stamp));
      }),
      { numRuns: 50_000 },
    );
  });

  it('is Date.parse for valid stamps, worked out without it', () => {
    fc.assert(
      fc.property(strictStamp, (stamp) => {
        expect(fastStamp(stamp)).toBe(Date.parse(stamp));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is Date.parse for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(parseStamp(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads leap days, the last millisecond and offsets across the day line', () => {
    expect(fastStamp('2024-02-29T12:00:00+08:00')).toBe(Date.parse('2024-02-29T12:00:00+08:00'));
    expect(fastStamp('2100-02-29T12:00:00+08:00')).toBeNaN(); // not a leap year: left to Date.parse
    expect(fastStamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(fastStamp('2026-11-11T00:00:00+08:00')).toBe(Date.UTC(2026, 10, 10, 16));
    expect(fastStamp('1969-12-31T23:59:59.999Z')).toBe(-1);
    expect(parseStamp('2026-11-11T00:00:00.5+08:00')).toBe(Date.parse('2026-11-11T00:00:00.5+08:00'));
  });
});
