import { describe, expect, it } from 'vitest';
import { InMemoryState } from '../../state/index.ts';
import { applyEvent, testOrder } from '../gift/apply-event.test-helper.ts';

const decide = (type: string, params: Record<string, unknown>) =>
  applyEvent({ type, params }, testOrder(), new InMemoryState());

// Decisions are hashed and exported as JSON: a hold or flag must keep its keys, and their order.
describe('hold and flag events', () => {
  it('write a hold as reason, message, urgent, release, origin, whatever order the params came in', () => {
    const { holds } = decide('hold', {
      urgent: true,
      releaseFrom: 'payment',
      autoReleaseMinutes: 30,
      message: 'check the address',
      reason: 'address',
    });
    expect(JSON.stringify(holds)).toBe(
      '[{"reason":"address","message":"check the address","urgent":true,' +
        '"releaseAt":"2026-11-10T16:30:05.000Z","autoReleaseMinutes":1,"strategyId":"s","nodeId":"n"}]',
    );
  });

  it('leave out of a hold what was not given, and the release of an unpaid order', () => {
    expect(Object.keys(decide('hold', { reason: 'risk' }).holds[0]!)).toEqual([
      'reason',
      'strategyId',
      'nodeId',
    ]);
    const unpaid = applyEvent(
      { type: 'hold', params: { reason: 'wait', autoReleaseMinutes: 30, releaseFrom: 'payment' } },
      testOrder({ paidAt: null, payStatus: 'unpaid' }),
      new InMemoryState(),
    );
    expect(Object.keys(unpaid.holds[0]!)).toEqual(['reason', 'strategyId', 'nodeId']);
  });

  it('write a flag as reason, message, origin, leaving out a message not given', () => {
    expect(JSON.stringify(decide('flag', { message: 'asks for an invoice', reason: 'invoice' }).flags)).toBe(
      '[{"reason":"invoice","message":"asks for an invoice","strategyId":"s","nodeId":"n"}]',
    );
    expect(Object.keys(decide('flag', { reason: 'invoice' }).flags[0]!)).toEqual([
      'reason',
      'strategyId',
      'nodeId',
    ]);
  });
});
