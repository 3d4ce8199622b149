import { describe, expect, it } from 'vitest';
import { InMemoryState } from '../../state/index.ts';
import { testOrder } from './apply-event.test-helper.ts';
import { matchGiftRule } from './gift-conditions.ts';
import { GiftRuleSchema } from './gift-rule.schema.ts';

const rule = (input: Record<string, unknown>) =>
  GiftRuleSchema.parse({ id: 'r', gift: { sku: 'G1' }, ...input });
const match = (input: Record<string, unknown>, order = testOrder(), state = new InMemoryState()) =>
  matchGiftRule(rule(input), order, state);
const gives = (input: Record<string, unknown>, order = testOrder()) => match(input, order) !== null;

describe('gift rule conditions', () => {
  const bands = {
    gift: undefined,
    when: {
      spend: {
        bands: [
          { min: 199, gift: { sku: 'G2' } },
          { min: 99, gift: { sku: 'G1' } },
        ],
      },
    },
  };

  it('gives only the highest spend band reached, whatever order the bands are listed in', () => {
    expect(match(bands, testOrder({ amounts: { total: 250, paid: 250 } }))?.gift.sku).toBe('G2');
    expect(match(bands, testOrder({ amounts: { total: 199, paid: 199 } }))?.gift.sku).toBe('G2');
    expect(match(bands, testOrder({ amounts: { total: 198.99, paid: 198.99 } }))?.gift.sku).toBe('G1');
    expect(match(bands, testOrder({ amounts: { total: 98, paid: 98 } }))).toBeNull();
  });

  it('measures spend on the paid amount unless told to use the total', () => {
    const order = testOrder({ amounts: { total: 220, paid: 150 } });
    expect(match(bands, order)?.gift.sku).toBe('G1');
    const onTotal = { ...bands, when: { spend: { ...bands.when.spend, basis: 'total' } } };
    expect(match(onTotal, order)?.gift.sku).toBe('G2');
  });

  it('gives one set per multiple of the qualifying SKUs, up to the cap (每满2件送1套, 最多3套)', () => {
    const multiple = { when: { multiple: { every: 2, skus: ['A'], maxSets: 3 } } };
    const withA = (qty: number) =>
      testOrder({
        lines: [
          { sku: 'A', qty, price: 100 },
          { sku: 'C', qty: 9, price: 1 },
        ],
      });
    expect(match(multiple, withA(1))).toBeNull();
    expect(match(multiple, withA(5))?.sets).toBe(2);
    expect(match(multiple, withA(6))?.sets).toBe(3);
    expect(match(multiple, withA(11))?.sets).toBe(3);
  });

  it('counts neither gift lines nor refunded lines towards item counts', () => {
    const itemCount = { when: { itemCount: { min: 3 } } };
    expect(gives(itemCount)).toBe(true);
    const lines = [
      { sku: 'A', qty: 2, price: 100 },
      { sku: 'C', qty: 1, price: 80, refundStatus: 'refunded' },
      { sku: 'G1', qty: 1, price: 0, isGift: true },
    ];
    expect(gives(itemCount, testOrder({ lines }))).toBe(false);
  });

  it('tests buying any, all and none of SKU lists', () => {
    const order = testOrder({
      lines: [
        { sku: 'A', qty: 1, price: 100 },
        { sku: 'C', qty: 1, price: 80 },
      ],
    });
    expect(gives({ when: { buys: { any: ['B', 'C'] } } }, order)).toBe(true);
    expect(gives({ when: { buys: { any: ['B'] } } }, order)).toBe(false);
    expect(gives({ when: { buys: { all: ['A', 'C'] } } }, order)).toBe(true);
    expect(gives({ when: { buys: { all: ['A', 'B'] } } }, order)).toBe(false);
    expect(gives({ when: { buys: { none: ['B'] } } }, order)).toBe(true);
    expect(gives({ when: { buys: { none: ['C'] } } }, order)).toBe(false);
  });

  it('tests member level, shop, region, remark keyword and label codes', () => {
    const order = testOrder({
      buyer: { id: 'b', memberLevel: 3 },
      buyerMessage: '要小样',
      labels: ['CPN-11'],
    });
    expect(gives({ when: { memberLevel: 3 } }, order)).toBe(true);
    expect(gives({ when: { memberLevel: 4 } }, order)).toBe(false);
    expect(gives({ when: { shops: ['TM-1'] } }, order)).toBe(true);
    expect(gives({ when: { shops: ['JD-1'] } }, order)).toBe(false);
    expect(gives({ when: { regions: ['浙江', '上海市'] } }, order)).toBe(true);
    expect(gives({ when: { regions: ['330102'] } }, order)).toBe(false);
    expect(gives({ when: { remarkKeywords: ['赠品', '小样'] } }, order)).toBe(true);
    expect(gives({ when: { remarkKeywords: ['赠品'] } }, order)).toBe(false);
    expect(gives({ when: { labels: ['CPN-11'] } }, order)).toBe(true);
    expect(gives({ when: { labels: ['CPN-12'] } }, order)).toBe(false);
  });

  it('calls an order first when its buyer has no decided order yet, and never an anonymous buyer', () => {
    const state = new InMemoryState({ buyers: { old: 2 } });
    const first = { when: { firstOrder: true } };
    const returning = { when: { firstOrder: false } };
    expect(match(first, testOrder({ buyer: { id: 'new' } }), state)).not.toBeNull();
    expect(match(first, testOrder({ buyer: { id: 'old' } }), state)).toBeNull();
    expect(match(returning, testOrder({ buyer: { id: 'old' } }), state)).not.toBeNull();
    expect(match(first, testOrder({ buyer: { id: '' } }), state)).toBeNull();
    expect(match(returning, testOrder({ buyer: { id: '' } }), state)).toBeNull();
  });

  describe('time window at +08:00 (start in, end out)', () => {
    const window = {
      when: { window: { start: '2026-11-11T00:00:00+08:00', end: '2026-11-12T00:00:00+08:00' } },
    };
    const paidAt = (at: string) => testOrder({ createdAt: '2026-11-01T00:00:00+08:00', paidAt: at });

    it.each([
      ['2026-11-10T23:59:59+08:00', false],
      ['2026-11-11T00:00:00+08:00', true],
      ['2026-11-10T16:00:00Z', true],
      ['2026-11-11T15:59:59Z', true],
      ['2026-11-12T00:00:00+08:00', false],
    ])('paid at %s → %s', (at, inside) => {
      expect(gives(window, paidAt(at))).toBe(inside);
    });

    it('reads the created time when told to, and leaves unpaid orders out of pay-time windows', () => {
      const onCreated = { when: { window: { ...window.when.window, on: 'createdAt' } } };
      expect(gives(onCreated, paidAt('2026-11-11T10:00:00+08:00'))).toBe(false);
      expect(gives(window, testOrder({ paidAt: null, payStatus: 'unpaid' }))).toBe(false);
    });
  });
});
