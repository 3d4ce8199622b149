import { describe, expect, it } from 'vitest';
import { testOrder } from '../../nodes/gift/apply-event.test-helper.ts';
import { InMemoryState } from '../../state/index.ts';
import { unitPricesFact } from './price-floor.ts';

describe('unitPrices', () => {
  it('keys SKUs named like Object.prototype members as any other, and reads nothing inherited', () => {
    const line = (sku: string, price: number) => ({ sku, name: sku, qty: 1, price });
    const prices = unitPricesFact.compute({
      order: testOrder({
        lines: [line('constructor', 30), line('constructor', 20), line('__proto__', 10), line('A', 5)],
      }),
      client: undefined,
      state: new InMemoryState(),
      now: new Date(),
    }) as Record<string, number>;
    expect(Object.entries(prices)).toEqual([
      ['constructor', 20],
      ['__proto__', 10],
      ['A', 5],
    ]);
    expect(prices.toString).toBeUndefined();
  });
});
