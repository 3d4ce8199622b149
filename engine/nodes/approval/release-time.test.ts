import { describe, expect, it } from 'vitest';
import { releaseOf } from './release-time.ts';

const paid = { paidAt: '2026-11-11T00:10:00+08:00' };
const at = (iso: string) => new Date(iso);

describe('releaseOf', () => {
  it('counts a plain hold from the decision', () => {
    expect(releaseOf(240, 'hold', paid, at('2026-11-11T09:00:30+08:00'))).toEqual({
      releaseAt: '2026-11-11T05:00:30.000Z',
      autoReleaseMinutes: 240,
    });
  });

  it('releases a wait after payment exactly N minutes after payment, the minutes rounded up', () => {
    expect(releaseOf(30, 'payment', paid, at('2026-11-11T00:10:00+08:00'))).toEqual({
      releaseAt: '2026-11-10T16:40:00.000Z',
      autoReleaseMinutes: 30,
    });
    expect(releaseOf(30, 'payment', paid, at('2026-11-11T00:27:20+08:00'))).toEqual({
      releaseAt: '2026-11-10T16:40:00.000Z',
      autoReleaseMinutes: 13,
    });
  });

  it('says a minute, with the release time in the past, once the wait is over', () => {
    expect(releaseOf(30, 'payment', paid, at('2026-11-11T02:00:00+08:00'))).toEqual({
      releaseAt: '2026-11-10T16:40:00.000Z',
      autoReleaseMinutes: 1,
    });
  });

  it('gives an unpaid order, and a hold with no minutes, no release time', () => {
    expect(releaseOf(30, 'payment', { paidAt: null }, at('2026-11-11T02:00:00+08:00'))).toEqual({});
    expect(releaseOf(undefined, 'hold', paid, at('2026-11-11T02:00:00+08:00'))).toEqual({});
  });
});
