import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderInstant, parseIsoTime } from './parse-iso-time.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** ISO-like texts, in range and out: every field may overflow, the separators and zone vary. */
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.123', '.5', '.12', '.1234', '.999', '.', '.12a'),
    zone: fc.constantFrom(
      'Z',
      '+08:00',
      '-05:30',
      '+00:00',
      '-00:00',
      '+23:59',
      '+24:00',
      '+0800',
      'z',
      '',
      '+08:60',
    ),
    separator: fc.constantFrom('T', 'T', 'T', ' ', 't'),
  })
  .map(
    (t) =>
      `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}${t.separator}${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction}${t.zone}`,
  );

describe('parseIsoTime', () => {
  it('says what Date.parse says, for ISO-like texts in range and out', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        expect(parseIsoTime(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('says what Date.parse says for any time written as orders write it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.boolean(),
        (ms, offset, millis) => {
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, millis ? 23 : 19);
          const sign = offset < 0 ? '-' : '+';
          const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
          for (const text of [`${local}${zone}`, `${local}Z`])
            expect(parseIsoTime(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('says what Date.parse says for other texts and for what is not text', () => {
    const others = [
      '',
      '2026-11-11',
      '2026-11-11T00:03Z',
      'not a time',
      '2026-11-11T00:03:12+08:00 ',
      '２０２６',
    ];
    for (const text of others) expect(parseIsoTime(text)).toBe(Date.parse(text));
    for (const value of [undefined, null, 0]) {
      expect(parseIsoTime(value as unknown as string)).toBe(Date.parse(value as unknown as string));
    }
  });
});

describe('orderInstant', () => {
  it('says what Date.parse says for any sequence of stamps, repeated or interleaved', () => {
    const stamps = fc.constantFrom(
      '2026-11-11T00:03:12+08:00',
      '2026-11-10T23:59:59+08:00',
      '2026-11-11T00:03:12Z',
      '2026-11-11T00:03:12.500+08:00',
      'not a time',
    );
    fc.assert(
      fc.property(fc.array(stamps, { maxLength: 12 }), (sequence) => {
        for (const stamp of sequence) expect(orderInstant(stamp)).toBe(Date.parse(stamp));
      }),
    );
  });
});
