import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../../client/index.ts';
import { compileStrategy } from '../../compiler/index.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';

const client = ClientSchema.parse({
  formatVersion: 1,
  id: 'demo',
  name: 'Demo',
  skus: [{ sku: 'LIP-01', name: '口红', price: 200 }],
});

/** Each check hangs off start, so under `collect` every one that holds adds its own hold or flag. */
const checks = [
  { id: 'unpaid', check: { preset: 'unpaid' }, action: { outcome: 'hold', reason: 'unpaid' } },
  {
    id: 'address',
    check: { preset: 'address' },
    action: { outcome: 'hold', reason: 'address', urgent: true },
  },
  { id: 'remark', check: { preset: 'remarkPresent' }, action: { outcome: 'flag', reason: 'has_remark' } },
  {
    id: 'unmapped',
    check: { preset: 'skuNotMapped' },
    action: { outcome: 'hold', reason: 'sku_not_mapped' },
  },
  {
    id: 'wait',
    check: { preset: 'waitAfterPayment', params: { minutes: 30 } },
    action: { outcome: 'hold', reason: 'merge_wait', autoReleaseMinutes: 30, releaseFrom: 'payment' },
  },
];

const result = compileStrategy(
  {
    formatVersion: 1,
    id: 'approval',
    clientId: 'demo',
    family: 'approval',
    name: '审单',
    hitPolicy: 'collect',
    nodes: [
      { id: 'start', kind: 'start', content: {} },
      // Drawn top to bottom in list order: that order is the rules' priority, and so the holds' order.
      ...checks.flatMap(({ id, check, action }, i) => [
        { id: `${id}-check`, kind: 'approvalCheck', content: check, position: { x: 200, y: i * 100 } },
        { id: `${id}-action`, kind: 'approval', content: action, position: { x: 400, y: i * 100 } },
      ]),
    ],
    edges: checks.flatMap(({ id }) => [
      { id: `${id}-in`, source: 'start', target: `${id}-check` },
      { id: `${id}-yes`, source: `${id}-check`, target: `${id}-action`, sourceHandle: 'true' },
    ]),
  },
  { client },
);

const order = (overrides: Record<string, unknown>) =>
  normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 200, paid: 200 },
    receiver: { province: '上海', city: '上海市', district: '黄浦区', address: '人民大道 200 号' },
    lines: [{ sku: 'LIP-01', qty: 1, price: 200 }],
    ...overrides,
  });

const twoHoursAfterPayment = () => new Date('2026-11-11T02:00:05+08:00');

describe.each(ENGINE_NAMES)('an approval stage of several checks (%s engine)', (engine) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  const decide = (o: ReturnType<typeof order>, clock = twoHoursAfterPayment) =>
    createPipeline([result.compiled], { engine, client, clock }).decide(o);

  it('approves an order no check holds', async () => {
    expect(await decide(order({}))).toMatchObject({ status: 'approved', holds: [], flags: [] });
  });

  it('holds with every reason that applies and flags the remark', async () => {
    const decision = await decide(
      order({
        payStatus: 'unpaid',
        paidAt: null,
        buyerMessage: '麻烦发顺丰',
        receiver: {
          province: '上海',
          city: '上海市',
          district: '黄浦区',
          address: '江苏省苏州市星湖街 328 号',
        },
      }),
    );
    expect(decision.status).toBe('held');
    expect(decision.holds.map((h) => [h.reason, h.nodeId, h.urgent])).toEqual([
      ['unpaid', 'unpaid-action', undefined],
      ['address', 'address-action', true],
    ]);
    expect(decision.flags.map((f) => f.reason)).toEqual(['has_remark']);
  });

  it('holds a fresh order for the merge window, released when the window closes', async () => {
    const tenMinutesAfterPayment = () => new Date('2026-11-11T00:10:05+08:00');
    const decision = await decide(
      order({ lines: [{ sku: 'TMALL-77', qty: 1, price: 200 }] }),
      tenMinutesAfterPayment,
    );
    expect(decision.holds.map((h) => h.reason)).toEqual(['sku_not_mapped', 'merge_wait']);
    const wait = decision.holds.find((h) => h.reason === 'merge_wait')!;
    // Paid 00:00:05, decided 00:10:05: 30 minutes after payment is 20 minutes from now.
    expect(wait).toMatchObject({ releaseAt: '2026-11-10T16:30:05.000Z', autoReleaseMinutes: 20 });
  });
});
