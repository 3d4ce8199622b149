import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import type { Decision } from '../../decision/decision.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { InMemoryState } from '../../state/index.ts';
import { defaultRemarkExtract } from './default-rules.ts';
import { remarkExtractEvent } from './remark.event.ts';
import { remarkExtractKind } from './remark-extract.kind.ts';

/** Applies a rule set (the default one unless given) to one order's remarks, as the pipeline would. */
function extract(buyerMessage: string, sellerMemo = '', params: unknown = defaultRemarkExtract()) {
  const order = normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    amounts: { total: 10 },
    receiver: { province: '上海', city: '上海市', district: '黄浦区', address: 'x' },
    buyerMessage,
    sellerMemo,
    lines: [{ sku: 'A', qty: 1, price: 10 }],
  });
  const decision = { extracted: {}, flags: [], holds: [] } as unknown as Decision;
  const holds: string[] = [];
  remarkExtractEvent.apply(remarkExtractEvent.params.parse(params), {
    decision,
    order,
    client: undefined,
    state: new InMemoryState(),
    origin: { strategyId: 'remark', nodeId: 'parse' },
    now: new Date(),
    hold: (reason, message) => holds.push(`${reason}: ${message}`),
  });
  return { extracted: decision.extracted, flags: decision.flags.map((f) => f.message), holds };
}

describe('the default remark rules', () => {
  it.each([
    ['发顺丰，谢谢😊', '', { carrierRequest: 'SF' }],
    ['', '｛Ｗ：ＳＦ｝已核实 {OK}', { carrierRequest: 'SF', memoApproved: true }],
    ['', '【W:YD】', { carrierRequest: 'YUNDA' }],
    ['不要顺丰，走京东', '', { carrierRequest: 'JD' }],
    ['不要放驿站，送前电话 周末送', '', { deliveryNote: ['不要放驿站', '周末送', '电联'] }],
    ['急用！加急', '', { urgent: true }],
    ['先别发，等通知', '', { dontShipYet: true }],
    ['多送点小样，要礼品袋', '', { giftRequest: ['小样', '礼品袋', '赠品'] }],
    [
      '发票抬头：杭州某某科技有限公司 税号：91330106MA27XK5T2Q',
      '',
      { invoiceTitle: '杭州某某科技有限公司', invoiceTaxId: '91330106MA27XK5T2Q' },
    ],
    ['地址改为：上海市浦东新区张江路 1 号', '', { addressChange: '上海市浦东新区张江路 1 号' }],
    ['订单号 202611110000123456789 请尽量包装好', '', {}],
  ])('%s | %s', (buyerMessage, sellerMemo, extracted) => {
    const result = extract(buyerMessage, sellerMemo);
    expect(result.extracted).toEqual(extracted);
    expect(result.flags).toEqual([]);
  });

  it('flags a buyer message and a seller memo asking for different carriers; the memo wins', () => {
    const result = extract('麻烦发顺丰', '{W:EMS}');
    expect(result.extracted).toEqual({ carrierRequest: 'EMS' });
    expect(result.flags).toEqual([
      'carrierRequest: seller memo says "EMS" ({W:EMS}); buyer message says "SF" (发顺丰); took "EMS" from the seller memo',
    ]);
  });
});

describe('remark.extract event', () => {
  const carrierWords = {
    id: 'carrier',
    key: 'carrierRequest',
    type: 'dictionary',
    entries: [
      { value: 'SF', words: ['顺丰'] },
      { value: 'JD', words: ['京东'] },
    ],
  };

  it('holds instead of flagging a conflict when told to', () => {
    const result = extract('顺丰', '京东', {
      onConflict: 'hold',
      conflictReason: 'carrier_conflict',
      rules: [carrierWords],
    });
    expect(result.extracted).toEqual({ carrierRequest: 'JD' });
    expect(result.flags).toEqual([]);
    expect(result.holds).toEqual([
      'carrier_conflict: carrierRequest: seller memo says "JD" (京东); buyer message says "SF" (顺丰); took "JD" from the seller memo',
    ]);
  });

  it('holds an order when hand-written rule JSON has a broken pattern, and still runs the other rules', () => {
    const broken = { id: 'tax', key: 'invoiceTaxId', type: 'regex', pattern: '税号(' };
    const result = extract('顺丰', '', { rules: [broken, carrierWords] });
    expect(result.extracted).toEqual({ carrierRequest: 'SF' });
    expect(result.holds).toEqual([expect.stringMatching(/^event_invalid: remark rule tax cannot run: /)]);
  });

  it('reads only the sources it is given', () => {
    expect(extract('顺丰', '京东', { sources: ['buyerMessage'], rules: [carrierWords] }).extracted).toEqual({
      carrierRequest: 'SF',
    });
  });
});

describe('remarkExtract kind', () => {
  const compileWith = (rules: unknown[]) =>
    compileStrategy({
      formatVersion: 1,
      id: 'remark',
      clientId: 'demo',
      family: 'remark',
      name: 'remark',
      hitPolicy: 'collect',
      nodes: [
        { id: 'start', kind: 'start', content: {} },
        { id: 'parse', kind: 'remarkExtract', content: { rules } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'parse' }],
    });

  it('emits one remark.extract event carrying the whole rule set', () => {
    const result = compileWith([{ id: 'u', key: 'urgent', type: 'keywords', keywords: ['加急'] }]);
    expect(result.ok && result.compiled.rules[0]!.event).toEqual({
      type: 'remark.extract',
      params: {
        sources: ['buyerMessage', 'sellerMemo'],
        onConflict: 'flag',
        conflictReason: 'remark_conflict',
        rules: [
          {
            id: 'u',
            key: 'urgent',
            collect: false,
            type: 'keywords',
            keywords: ['加急'],
            match: 'any',
            unless: [],
            value: true,
          },
        ],
      },
    });
  });

  it('reports bad patterns, twice-used ids, keys that disagree on lists and codes that give nothing', () => {
    const result = compileWith([
      { id: 'tax', key: 'invoiceTaxId', type: 'regex', pattern: '税号(' },
      { id: 'notes', key: 'deliveryNote', type: 'keywords', keywords: ['电联'], collect: true },
      { id: 'notes', key: 'deliveryNote', type: 'keywords', keywords: ['放门卫'] },
      { id: 'code', key: 'carrierRequest', type: 'code' },
    ]);
    expect(result.issues.map(({ code, nodeId, path }) => [code, nodeId, path])).toEqual([
      ['invalid_regex', 'parse', 'nodes[1].content.rules[0].pattern'],
      ['duplicate_id', 'parse', 'nodes[1].content.rules[2].id'],
      ['content_invalid', 'parse', 'nodes[1].content.rules[2].collect'],
      ['content_invalid', 'parse', 'nodes[1].content.rules[3].codes'],
    ]);
  });

  it('starts from rules that compile', () => {
    expect(compileWith(defaultRemarkExtract().rules).issues).toEqual([]);
    expect(remarkExtractKind.defaults().rules.map((r) => r.key)).toContain('invoiceTaxId');
  });
});
