import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';
import { approvalKind } from './approval.kind.ts';

const strategyWith = (content: unknown) =>
  compileStrategy({
    formatVersion: 1,
    id: 'approval',
    clientId: 'demo',
    family: 'approval',
    name: 'approval',
    hitPolicy: 'collect',
    nodes: [
      { id: 'start', kind: 'start', content: {} },
      { id: 'merge-wait', kind: 'approval', content },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'merge-wait' }],
  });

const emitted = (content: unknown) =>
  approvalKind.emit(approvalKind.schema.parse(content)).map((e) => e.event);

const order = (paidAt: string | null) =>
  normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt,
    payStatus: paidAt ? 'paid' : 'unpaid',
    amounts: { total: 10 },
    receiver: { province: '上海', city: '上海市', district: '黄浦区', address: '人民大道 200 号' },
    lines: [{ sku: 'A', qty: 1, price: 10 }],
  });

describe('approval kind', () => {
  it('emits approve, flag and hold events, leaving out what was not set', () => {
    expect(emitted({ outcome: 'approve' })).toEqual([{ type: 'approve', params: {} }]);
    expect(emitted({ outcome: 'flag', reason: 'has_remark', message: '请人工看备注' })).toEqual([
      { type: 'flag', params: { reason: 'has_remark', message: '请人工看备注' } },
    ]);
    expect(emitted({ outcome: 'hold', reason: 'blacklist', urgent: true, autoReleaseMinutes: 60 })).toEqual([
      { type: 'hold', params: { reason: 'blacklist', urgent: true, autoReleaseMinutes: 60 } },
    ]);
  });

  it('asks for the minutes when the release counts from payment', () => {
    const result = strategyWith({ outcome: 'hold', reason: 'merge_wait', releaseFrom: 'payment' });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'content_invalid',
        nodeId: 'merge-wait',
        path: 'nodes[1].content.autoReleaseMinutes',
      }),
    ]);
  });

  it('rejects a reason code with spaces in it', () => {
    const result = strategyWith({ outcome: 'flag', reason: 'has remark' });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'content_invalid', path: 'nodes[1].content.reason' }),
    ]);
  });
});

describe.each(ENGINE_NAMES)('a hold released N minutes after payment (%s engine)', (engine) => {
  const result = strategyWith({
    outcome: 'hold',
    reason: 'merge_wait',
    autoReleaseMinutes: 30,
    releaseFrom: 'payment',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const paidAt = '2026-11-11T00:10:00+08:00';
  const holdAfter = async (msAfterPayment: number, paid: string | null = paidAt) => {
    const clock = () => new Date(Date.parse(paidAt) + msAfterPayment);
    const decision = await createPipeline([result.compiled], { engine, clock }).decide(order(paid));
    expect(decision.holds).toHaveLength(1);
    return decision.holds[0]!;
  };
  const minute = 60_000;

  it('is one plain rule, whatever the minutes', () => {
    expect(result.compiled.rules).toHaveLength(1);
    expect(result.compiled.rules[0]!.event).toEqual({
      type: 'hold',
      params: { reason: 'merge_wait', autoReleaseMinutes: 30, releaseFrom: 'payment' },
    });
  });

  it('releases exactly 30 minutes after payment, the minutes left rounded up', async () => {
    for (const [elapsedMs, minutesLeft] of [
      [0, 30],
      [1 * minute, 29],
      [10 * minute + 20_000, 20],
      [17 * minute, 13],
      [29 * minute + 59_000, 1],
    ] as const) {
      const hold = await holdAfter(elapsedMs);
      expect(hold.releaseAt).toBe('2026-11-10T16:40:00.000Z');
      expect(hold.autoReleaseMinutes, `${elapsedMs} ms after payment`).toBe(minutesLeft);
    }
  });

  it('says a minute once the wait is over, and holds an unpaid order with no release time', async () => {
    expect(await holdAfter(45 * minute)).toMatchObject({
      releaseAt: '2026-11-10T16:40:00.000Z',
      autoReleaseMinutes: 1,
    });
    const unpaid = await holdAfter(5 * minute, null);
    expect(unpaid.releaseAt).toBeUndefined();
    expect(unpaid.autoReleaseMinutes).toBeUndefined();
  });
});
