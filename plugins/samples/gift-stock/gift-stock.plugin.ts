import { definePlugin } from '@ordergraph/plugin-sdk';

/**
 * 赠品库存检查: flags an order whose gift lines would leave too little stock, reading the stock snapshot
 * the host publishes as the table `stock` (sku → units on hand) one SKU at a time. An action plugin.
 */
export default definePlugin({
  manifest: {
    kind: 'action',
    id: 'giftStock',
    version: '1.0.0',
    name: '赠品库存检查 Gift stock check',
    reads: ['lines.sku', 'lines.qty', 'lines.isGift'],
    inputs: {
      minLeft: {
        type: 'number',
        integer: true,
        minimum: 0,
        optional: true,
        description: 'units that must remain after this order (default 5)',
      },
    },
    outputs: {
      flags: ['gift_stock_low'],
      extracted: { lowStockGifts: { type: 'array', items: { type: 'string' } } },
    },
  },
  run(order, ctx) {
    const minLeft = ctx.params.minLeft ?? 5;
    const low: string[] = [];
    const notes: string[] = [];
    for (const line of order.lines ?? []) {
      if (!line.isGift || !line.sku) continue;
      const onHand = ctx.lookup<number>('stock', line.sku);
      const left = onHand === null ? null : onHand - (line.qty ?? 1);
      if (left !== null && left >= minLeft) continue;
      low.push(line.sku);
      notes.push(
        left === null ? `${line.sku}: no stock record` : `${line.sku}: ${left} left after this order`,
      );
    }
    if (low.length === 0) return {};
    return {
      flags: [{ reason: 'gift_stock_low', message: `gift stock low: ${notes.join('; ')}` }],
      extracted: { lowStockGifts: low },
    };
  },
});
