import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from './report/html/render-html.ts';
import type { SimulationReport } from './report/report-schema.ts';
import {
  BASE_STRATEGIES,
  order,
  stable,
  strategy,
  tmp,
  writeLines,
  writeStrategies,
} from './simulate.test-helper.ts';
import { simulate } from './simulate.ts';
import { InvalidStrategiesError } from './strategy-set.ts';

const root = tmp('simulate');
const baseline = writeStrategies(root, 'baseline', BASE_STRATEGIES);

describe('simulate: what it refuses before starting any work', () => {
  it('a CSV without a mapping', async () => {
    const csv = writeLines(root, 'export.csv', ['订单编号,商品编码', 'A,SKU']);
    await expect(simulate({ strategies: baseline, orders: csv })).rejects.toThrow(
      /looks like a CSV export: say how to read it with --map mapping.json/,
    );
  });

  it('strategies that do not compile, with every issue', async () => {
    const broken = new URL('../engine/compiler/fixtures/error-cycle.strategy.json', import.meta.url).pathname;
    const error = await simulate({ strategies: broken, orders: join(root, 'export.csv') }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidStrategiesError);
    expect((error as InvalidStrategiesError).broken[0]!.issues.map((i) => i.code)).toContain('cycle');
  });
});

describe('simulate: bad rows', () => {
  it('decides the good orders and lists every bad row with its line and why, without stopping', async () => {
    const file = writeLines(root, 'mixed.ndjson', [
      order('00:00:01', { id: 'GOOD-1' }),
      '{"id": "broken",',
      '',
      '{"hello": "world"}',
      '{"tid": "", "receiver_state": "浙江省", "orders": {"order": []}}',
      order('00:00:02', { id: 'BAD-QTY', lines: [{ sku: 'A', qty: 0, price: 1 }] }),
      order('00:00:03', { id: 'GOOD-2' }),
    ]);
    const report = await simulate({ strategies: baseline, orders: file, workers: 1 });
    expect(report).toMatchObject({ orders: 6, decided: 2, skippedTotal: 4 });
    expect(report.skipped.map((s) => s.line)).toEqual([2, 4, 5, 6]);
    expect(report.skipped[0]!.reason).toMatch(/^not JSON/);
    expect(report.skipped[1]!.reason).toMatch(
      /not a Tmall \/ Taobao, JD, Douyin, Pinduoduo, Kuaishou, Xiaohongshu, WeChat Channels or standard order/,
    );
    expect(report.skipped[2]!.reason).toMatch(/tid/);
    expect(report.skipped[3]).toMatchObject({
      orderId: 'BAD-QTY',
      reason: expect.stringMatching(/lines\[0\]\.qty/),
    });
  });
});

describe('simulate: state in pay-time order', () => {
  it('gives a capped gift to the first orders by pay time (created time while unpaid), whatever the file order', async () => {
    const gifts = strategy('gifts', 'gift', 'collect', [
      {
        type: 'gift.rules',
        params: { rules: [{ id: 'first-two', gift: { sku: 'G1' }, caps: { total: 2 } }] },
      },
    ]);
    const candidate = writeStrategies(root, 'capped', [...BASE_STRATEGIES, gifts]);
    const file = writeLines(root, 'unsorted.ndjson', [
      order('00:00:09', { id: 'PAID-9' }),
      order('00:00:07', { id: 'PAID-7' }),
      order(null, { id: 'UNPAID-CREATED-3', createdAt: '2026-11-11T00:00:03+08:00' }),
      order('00:00:05', { id: 'PAID-5' }),
      order('00:00:01', { id: 'PAID-1' }),
    ]);
    const report = await simulate({ strategies: candidate, baseline, orders: file, workers: 2, runBytes: 1 });
    expect(report.gifts).toEqual({ G1: { orders: 2, qty: 2 } });
    const examples = report.changed!.byKind.gifts.examples;
    expect(examples.map((x) => x.orderId)).toEqual(['PAID-1', 'UNPAID-CREATED-3']);
    expect(examples.map((x) => x.time)).toEqual(['2026-11-11 00:00:01', '2026-11-11 00:00:03']);
  });
});

describe('simulate: the decision clock (--decide-after)', () => {
  // Holds an order paid less than 10 minutes before the clock, released exactly 10 minutes after payment.
  const mergeWait = strategy('approval', 'approval', 'collect', [
    {
      when: { fact: 'minutesSincePaid', operator: 'lessThan', value: 10 },
      type: 'hold',
      params: { reason: 'merge_wait', autoReleaseMinutes: 10, releaseFrom: 'payment' },
    },
  ]);

  it('decides each order at its pay time plus the delay, so a wait after payment holds only a short delay', async () => {
    const candidate = writeStrategies(root, 'wait', [...BASE_STRATEGIES, mergeWait]);
    const file = writeLines(root, 'wait.ndjson', [order('00:00:01'), order('00:05:00'), order(null)]);
    const at = (decideAfterMinutes: number) =>
      simulate({ strategies: candidate, orders: file, workers: 1, decideAfterMinutes });
    const now = await at(0);
    const ten = await at(10);
    expect(now.holdReasons).toEqual({ merge_wait: 2 });
    expect(ten.holdReasons).toEqual({});
    expect([now.input.decideAfterMinutes, ten.input.decideAfterMinutes]).toEqual([0, 10]);
  });
});

describe('simulate: merges', () => {
  it('counts merged groups and parcels saved, and the orders that may not merge', async () => {
    const merge = {
      ...strategy('merge', 'merge', 'collect', []),
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'merge', kind: 'merge', content: { windowHours: 1 } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'merge' }],
    };
    const candidate = writeStrategies(root, 'merge', [...BASE_STRATEGIES, merge]);
    const buyer = (id: string) => ({ buyer: { id } });
    const file = writeLines(root, 'merge.ndjson', [
      order('00:00:00', buyer('b-1')),
      order('00:20:00', buyer('b-1')),
      order('00:59:59', buyer('b-1')),
      order('01:00:00', buyer('b-1')),
      order('00:10:00', buyer('b-2')),
      order('00:30:00', buyer('b-2')),
      order('00:40:00', { ...buyer('b-3'), type: 'cod' }),
      order('00:50:00', buyer('b-4')),
    ]);
    const report = await simulate({ strategies: candidate, baseline, orders: file, workers: 2 });
    expect(report.merges).toEqual({ orders: 7, groups: 2, parcelsSaved: 3, excluded: { cod: 1 } });
    expect(report.baseline!.merges).toEqual({ orders: 0, groups: 0, parcelsSaved: 0, excluded: {} });
    expect(report.changed!.byKind.merge).toMatchObject({
      count: 3,
      transitions: [{ from: 'alone', to: 'merged', count: 3 }],
    });
    expect(renderHtml(report)).toContain('parcels saved');
  });
});

describe('simulate: the baseline diff', () => {
  let report: SimulationReport;
  const script = '<script>alert("remark")</script>';

  beforeAll(async () => {
    const candidate = writeStrategies(root, 'candidate', [
      strategy('routing', 'routing', 'first', [
        {
          when: { fact: 'receiver.province', operator: 'equal', value: '广东省' },
          type: 'route',
          params: { warehouse: 'WH-GZ' },
        },
        { type: 'route', params: { warehouse: 'WH-SH' } },
      ]),
      strategy('carrier', 'carrier', 'first', [
        {
          when: { fact: 'buyerMessage', operator: 'containsAny', value: ['顺丰'] },
          type: 'carrier',
          params: { carrier: 'SF' },
        },
        { type: 'carrier', params: { carrier: 'ZTO' } },
      ]),
      strategy('approval', 'approval', 'collect', [
        {
          when: { fact: 'sellerMemo', operator: 'containsAny', value: ['先别发'] },
          type: 'hold',
          params: { reason: 'dont_ship_yet' },
        },
      ]),
      strategy('split', 'split', 'first', [{ type: 'split', params: {} }]),
      strategy('tags', 'tag', 'collect', [
        {
          when: { fact: 'amounts.total', operator: 'greaterThanInclusive', value: 1000 },
          type: 'tag',
          params: { tag: 'big' },
        },
      ]),
    ]);
    const guangzhou = {
      name: '李四',
      province: '广东省',
      city: '广州市',
      district: '天河区',
      address: '体育西路 2 号',
    };
    const file = writeLines(root, 'diff.ndjson', [
      order('00:10:00', { id: 'SAME' }),
      order('01:00:00', { id: 'TO-GZ', receiver: guangzhou }),
      order('02:00:00', { id: 'SF-REMARK', buyerMessage: `发顺丰 ${script}` }),
      order('02:30:00', { id: 'WAIT', sellerMemo: '先别发' }),
      order('03:00:00', {
        id: 'SOFA',
        amounts: { total: 3100, paid: 3100 },
        lines: [
          { sku: 'SOFA', qty: 1, price: 3000 },
          { sku: 'A', qty: 1, price: 100 },
        ],
      }),
    ]);
    report = await simulate({ strategies: candidate, baseline, orders: file, workers: 2 });
  });

  it('counts each order once and groups it under every kind of change it has', () => {
    const changed = report.changed!;
    expect(changed.count).toBe(4);
    const counts = Object.fromEntries(Object.entries(changed.byKind).map(([kind, g]) => [kind, g.count]));
    expect(counts).toEqual({
      status: 1,
      holdReasons: 1,
      warehouse: 1,
      carrier: 1,
      gifts: 0,
      split: 1,
      merge: 0,
      tags: 1,
    });
    expect(changed.byKind.warehouse.transitions).toEqual([{ from: 'WH-SH', to: 'WH-GZ', count: 1 }]);
    expect(changed.byKind.status.transitions).toEqual([{ from: 'approved', to: 'held', count: 1 }]);
    expect(changed.byKind.split.transitions).toEqual([{ from: 'whole', to: '2 parcels', count: 1 }]);
    expect(changed.byPayHour.slice(0, 4)).toEqual([0, 1, 2, 1]);
  });

  it('quotes both decisions and the remark in the examples', () => {
    const [example] = report.changed!.byKind.carrier.examples;
    expect(example).toMatchObject({
      orderId: 'SF-REMARK',
      line: 3,
      time: '2026-11-11 02:00:00',
      remark: `发顺丰 ${script}`,
      baseline: { status: 'approved', carrier: 'ZTO', warehouse: 'WH-SH' },
      candidate: { status: 'approved', carrier: 'SF', warehouse: 'WH-SH' },
    });
    expect(report.baseline).toMatchObject({ decided: 5, carriers: { ZTO: 5 } });
    expect(report.carriers).toEqual({ ZTO: 4, SF: 1 });
  });

  it("writes a self-contained HTML report that shows a remark's <script> as text", () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('发顺丰 &lt;script&gt;alert(&quot;remark&quot;)&lt;/script&gt;');
    expect(html).toContain('<svg');
  });
});

describe('simulate: reproducible', () => {
  it('writes the same report, but timings, with 1 and 2 workers and any number of sorted runs', async () => {
    const history = join(new URL('../samples/history/', import.meta.url).pathname, 'demo-history.ndjson');
    const demo = new URL('../samples/clients/demo/strategies', import.meta.url).pathname;
    const common = { strategies: demo, baseline: demo, orders: history, limit: 150 };
    const one = await simulate({ ...common, workers: 1 });
    const two = await simulate({ ...common, workers: 2, runBytes: 64 * 1024 });
    expect(two.run.sortedRuns).toBeGreaterThan(one.run.sortedRuns);
    expect(stable(two)).toBe(stable(one));
    expect(one).toMatchObject({ orders: 150, decided: 150 });
    expect(one.changed!.count).toBe(0);
  });
});
