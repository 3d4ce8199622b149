import { describe, expect, it } from 'vitest';
import type { DecisionOutline } from '../../simulate/decide/decision-outline.ts';
import { DivergenceTally } from './divergence-tally.ts';

const outline = (over: Partial<DecisionOutline>): DecisionOutline => ({
  status: 'approved',
  holds: [],
  flags: [],
  warehouse: null,
  carrier: null,
  gifts: [],
  tags: [],
  merged: false,
  parcels: [],
  ...over,
});

const AT = Date.parse('2026-11-11T00:00:00Z');

describe('divergence tally', () => {
  it('counts diverging orders by simulation change kind, keeping the latest few with both decisions', () => {
    const tally = new DivergenceTally(2);
    tally.add('same', AT, outline({ warehouse: 'WH-SH' }), outline({ warehouse: 'WH-SH' }));
    tally.add('moved', AT, outline({ warehouse: 'WH-SH' }), outline({ warehouse: 'WH-GZ', carrier: 'SF' }));
    tally.add('held', AT + 1, outline({}), outline({ status: 'held', holds: ['risk'] }));
    tally.add('tagged', AT + 2, outline({}), outline({ tags: ['x'] }));
    const report = tally.report();
    expect(report).toMatchObject({ orders: 4, diverged: 3, errors: 0 });
    expect(report.byKind).toEqual({
      status: 1,
      holdReasons: 1,
      warehouse: 1,
      carrier: 1,
      gifts: 0,
      split: 0,
      merge: 0,
      tags: 1,
    });
    expect(report.sample.map((s) => [s.orderId, s.kinds])).toEqual([
      ['held', ['status', 'holdReasons']],
      ['tagged', ['tags']],
    ]);
    expect(report.sample[0]).toMatchObject({ at: '2026-11-11T00:00:00.001Z', shadow: { holds: ['risk'] } });
  });

  it('counts orders the candidate could not decide apart, with the latest reason', () => {
    const tally = new DivergenceTally(0);
    tally.failed('A: boom');
    tally.failed('B: bang');
    tally.add('C', AT, outline({}), outline({ carrier: 'SF' }));
    expect(tally.report()).toMatchObject({
      orders: 1,
      diverged: 1,
      errors: 2,
      lastError: 'B: bang',
      sample: [],
    });
  });
});
