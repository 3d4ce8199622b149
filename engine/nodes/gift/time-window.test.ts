import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDay } from './time-window.ts';

/** The day through the Date round trip, which chinaDay skips for stamps written in China time. */
const viaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('chinaDay', () => {
  it('is the day the Date round trip gives, for any valid stamp and offset', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2400-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('+08:00', 'Z', '-05:00', '+14:00', '+00:00'),
        fc.constantFrom('', '.5', '.999', '.9999999'),
        (date, offset, fraction) => {
          const d = date;
          const iso =
            `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
            `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}${offset}`;
          expect(chinaDay(iso)).toBe(viaDate(iso));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('turns the day at midnight China time', () => {
    expect(chinaDay('2026-11-11T23:59:59.9999+08:00')).toBe('2026-11-11');
    expect(chinaDay('2026-11-11T16:00:00Z')).toBe('2026-11-12');
    expect(chinaDay('2026-11-11T15:59:59Z')).toBe('2026-11-11');
  });
});
