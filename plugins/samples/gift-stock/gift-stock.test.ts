import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost } from '../../../sandbox/index.ts';
import type { BuiltPlugin } from '../../sdk/index.ts';
import { buildSample, resultValue, runSample, testOrder } from '../samples.test-helper.ts';

const withGift = (sku: string, qty: number) =>
  testOrder({
    lines: [
      { sku: 'SKU-A', qty: 1, price: 199 },
      { sku, qty, price: 0, isGift: true },
    ],
  });

describe('gift-stock sample (action plugin reading a published table, in the sandbox)', () => {
  let host: PluginHost;
  let plugin: BuiltPlugin;

  beforeAll(async () => {
    host = new PluginHost({ workers: 1 });
    host.publishTable('stock', { 'GIFT-MASK': 100, 'GIFT-BAG': 6, 'SKU-A': 0 });
    plugin = await buildSample(host, 'gift-stock');
  });
  afterAll(() => host.close());

  it('builds to an action manifest declaring the one flag and field it returns', () => {
    expect(plugin.manifest).toMatchObject({
      kind: 'action',
      id: 'giftStock',
      reads: ['lines.sku', 'lines.qty', 'lines.isGift'],
      outputs: { flags: ['gift_stock_low'], extracted: { lowStockGifts: { type: 'array' } } },
    });
  });

  it('flags gift lines that would leave too little stock, and ignores paid lines', async () => {
    const results = await runSample(host, plugin, [
      testOrder(),
      withGift('GIFT-MASK', 1),
      withGift('GIFT-BAG', 2),
      withGift('GIFT-UNKNOWN', 1),
    ]);
    expect(results.map(resultValue)).toEqual([
      {},
      {},
      {
        flags: [{ reason: 'gift_stock_low', message: 'gift stock low: GIFT-BAG: 4 left after this order' }],
        extracted: { lowStockGifts: ['GIFT-BAG'] },
      },
      {
        flags: [{ reason: 'gift_stock_low', message: 'gift stock low: GIFT-UNKNOWN: no stock record' }],
        extracted: { lowStockGifts: ['GIFT-UNKNOWN'] },
      },
    ]);
  });

  it('takes the threshold from the node params, and sees a table published again', async () => {
    expect(
      resultValue((await runSample(host, plugin, [withGift('GIFT-BAG', 2)], { minLeft: 0 }))[0]),
    ).toEqual({});
    host.publishTable('stock', { 'GIFT-BAG': 1 });
    const [low] = await runSample(host, plugin, [withGift('GIFT-BAG', 2)], { minLeft: 0 });
    expect(resultValue(low)).toMatchObject({ extracted: { lowStockGifts: ['GIFT-BAG'] } });
  });
});
