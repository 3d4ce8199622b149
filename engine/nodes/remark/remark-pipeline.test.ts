import { describe, expect, it } from 'vitest';
import { type CompiledStrategy, compileStrategy } from '../../compiler/index.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';
import { defaultRemarkExtract } from './default-rules.ts';

const compile = (doc: object): CompiledStrategy => {
  const result = compileStrategy({ formatVersion: 1, clientId: 'demo', ...doc });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.compiled;
};
const start = { id: 'start', kind: 'start', content: {} };
const at = (y: number) => ({ x: 0, y });

const remark = compile({
  id: 'remark',
  family: 'remark',
  name: '备注解析',
  hitPolicy: 'collect',
  nodes: [start, { id: 'parse', kind: 'remarkExtract', content: defaultRemarkExtract() }],
  edges: [{ id: 'e1', source: 'start', target: 'parse' }],
});

// The requested carrier when remark parsing found one, else ZTO: first hit wins, top to bottom.
const carrier = compile({
  id: 'carrier',
  family: 'carrier',
  name: '快递',
  hitPolicy: 'first',
  nodes: [
    start,
    {
      id: 'asked-sf',
      kind: 'condition',
      position: at(0),
      content: { when: { all: [{ fact: 'extracted.carrierRequest', operator: 'equal', value: 'SF' }] } },
    },
    {
      id: 'asked-ems',
      kind: 'condition',
      position: at(100),
      content: { when: { all: [{ fact: 'extracted.carrierRequest', operator: 'equal', value: 'EMS' }] } },
    },
    { id: 'sf', kind: 'action', position: at(0), content: { type: 'carrier', params: { carrier: 'SF' } } },
    {
      id: 'ems',
      kind: 'action',
      position: at(100),
      content: { type: 'carrier', params: { carrier: 'EMS' } },
    },
    {
      id: 'zto',
      kind: 'action',
      position: at(200),
      content: { type: 'carrier', params: { carrier: 'ZTO' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'asked-sf' },
    { id: 'e2', source: 'start', target: 'asked-ems' },
    { id: 'e3', source: 'start', target: 'zto' },
    { id: 'e4', source: 'asked-sf', target: 'sf', sourceHandle: 'true' },
    { id: 'e5', source: 'asked-ems', target: 'ems', sourceHandle: 'true' },
  ],
});

// Approval reads what remark parsing wrote: "don't ship yet", and an invoice asked for in a remark.
const approval = compile({
  id: 'approval',
  family: 'approval',
  name: '审单',
  hitPolicy: 'collect',
  nodes: [
    start,
    {
      id: 'wait-word',
      kind: 'condition',
      position: at(0),
      content: { when: { all: [{ fact: 'extracted.dontShipYet', operator: 'equal', value: true }] } },
    },
    {
      id: 'invoice',
      kind: 'approvalCheck',
      position: at(100),
      content: { preset: 'invoice', params: { fromRemark: true } },
    },
    {
      id: 'hold-wait',
      kind: 'approval',
      position: at(0),
      content: { outcome: 'hold', reason: 'dont_ship_yet' },
    },
    {
      id: 'hold-invoice',
      kind: 'approval',
      position: at(100),
      content: { outcome: 'hold', reason: 'invoice' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait-word' },
    { id: 'e2', source: 'start', target: 'invoice' },
    { id: 'e3', source: 'wait-word', target: 'hold-wait', sourceHandle: 'true' },
    { id: 'e4', source: 'invoice', target: 'hold-invoice', sourceHandle: 'true' },
  ],
});

const order = (buyerMessage: string, sellerMemo = '') =>
  normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 99 },
    receiver: { province: '浙江', city: '杭州市', district: '西湖区', address: '文三路 1 号' },
    buyerMessage,
    sellerMemo,
    lines: [{ sku: 'LIP-01', qty: 1, price: 99 }],
  });

describe.each(ENGINE_NAMES)('remark parsing feeds later stages (%s engine)', (engine) => {
  const decide = (buyerMessage: string, sellerMemo = '') =>
    createPipeline([carrier, approval, remark], { engine }).decide(order(buyerMessage, sellerMemo));

  it('a buyer asking for SF gets SF from a carrier rule on extracted.carrierRequest', async () => {
    const decision = await decide('亲，麻烦发顺丰，谢谢');
    expect(decision).toMatchObject({
      status: 'approved',
      carrier: 'SF',
      extracted: { carrierRequest: 'SF' },
    });
  });

  it('an order nobody asked anything for takes the default carrier', async () => {
    expect(await decide('')).toMatchObject({ status: 'approved', carrier: 'ZTO', extracted: {} });
  });

  it('a memo contradicting the buyer flags the order, and the memo’s carrier ships it', async () => {
    const decision = await decide('发顺丰', '客服已联系 ｛Ｗ：ＥＭＳ｝');
    expect(decision.status).toBe('flagged');
    expect(decision.carrier).toBe('EMS');
    expect(decision.flags).toEqual([
      {
        reason: 'remark_conflict',
        message:
          'carrierRequest: seller memo says "EMS" ({W:EMS}); buyer message says "SF" (发顺丰); took "EMS" from the seller memo',
        strategyId: 'remark',
        nodeId: 'parse',
      },
    ]);
  });

  it('orders with the same remarks get the same extraction, each its own lists and flags', async () => {
    // Remarks repeat, and their resolution is kept between orders: a later order must not see a
    // list an earlier decision changed, nor miss the conflict the first one was flagged for.
    const pipeline = createPipeline([carrier, approval, remark], { engine });
    const same = () => pipeline.decide(order('发顺丰 不要放驿站，放门卫', '｛Ｗ：ＥＭＳ｝'));
    const first = await same();
    (first.extracted.deliveryNote as string[]).push('changed by a later stage');
    const second = await same();
    expect(second.extracted).toEqual({ carrierRequest: 'EMS', deliveryNote: ['不要放驿站', '放门卫'] });
    expect(second.extracted.deliveryNote).not.toBe(first.extracted.deliveryNote);
    expect(second.flags).toEqual(first.flags);
    expect(second.flags.map((f) => f.reason)).toEqual(['remark_conflict']);
    const other = await pipeline.decide(order('不要放驿站，放门卫', '发顺丰'));
    expect(other.extracted).toEqual({ carrierRequest: 'SF', deliveryNote: ['不要放驿站', '放门卫'] });
    expect(other.flags).toEqual([]);
  });

  it('approval holds on what the remark said: don’t ship yet, invoice title', async () => {
    const decision = await decide('先别发，等通知。发票抬头：杭州某某科技有限公司');
    expect(decision.holds.map((h) => h.reason)).toEqual(['dont_ship_yet', 'invoice']);
    expect(decision.extracted).toMatchObject({ dontShipYet: true, invoiceTitle: '杭州某某科技有限公司' });
  });
});
