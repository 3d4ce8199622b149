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
  const releaseAt = async (minutesAfterPayment: number, paid: string | null = paidAt) => {
    const clock = () => new Date(Date.parse(paidAt) + minutesAfterPayment * 60_000);
    const decision = await createPipeline([result.compiled], { engine, clock }).decide(order(paid));
    expect(decision.holds).toHaveLength(1);
    return decision.holds[0]!.autoReleaseMinutes;
  };

  it('lifts when the wait is up, never before, and at most a band late', async () => {
    const step = Math.ceil(30 / 12);
    for (const elapsed of [0, 1, 10, 17, 29]) {
      const release = await releaseAt(elapsed);
      expect(release).toBeGreaterThanOrEqual(30 - elapsed);
      expect(release).toBeLessThan(30 - elapsed + step);
    }
  });

  it('lifts after a minute once the wait is over, and holds an unpaid order with no release time', async () => {
    expect(await releaseAt(45)).toBe(1);
    expect(await releaseAt(5, null)).toBeUndefined();
  });
});
