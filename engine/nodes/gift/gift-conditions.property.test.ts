import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inRegion } from '../../operators/custom-operators.ts';
import type { OrderLine, StandardOrder } from '../../order/schema.ts';
import { InMemoryState, type StrategyState } from '../../state/index.ts';
import { testOrder } from './apply-event.test-helper.ts';
import { type GiftMatch, matchesBesidesLines, matchGiftRule, qualifyingLines } from './gift-conditions.ts';
import { type GiftRule, GiftRuleSchema, type GiftSpec, type GiftWhen } from './gift-rule.schema.ts';

/**
 * The rule matcher as first written (conditions read off `rule.when` per order, the window parsed
 * by Date.parse): the definition the prepared rules must agree with, for every rule and order.
 */
function reference(
  rule: GiftRule,
  order: StandardOrder,
  state: StrategyState,
  lines: readonly OrderLine[],
): GiftMatch | null {
  const { when } = rule;
  const qtyOf = (skus: readonly string[]) =>
    lines.reduce((sum, l) => sum + (skus.length === 0 || skus.includes(l.sku) ? l.qty : 0), 0);
  const bought = (sku: string) => lines.some((l) => l.sku === sku);
  const inWindow = (window: NonNullable<GiftWhen['window']>) => {
    const stamp = order[window.on];
    if (!stamp) return false;
    const at = Date.parse(stamp);
    if (window.start !== undefined && at < Date.parse(window.start)) return false;
    return window.end === undefined || at < Date.parse(window.end);
  };
  const holds =
    (!when.itemCount || qtyOf(when.itemCount.skus) >= when.itemCount.min) &&
    (!when.buys ||
      ((when.buys.any.length === 0 || when.buys.any.some(bought)) &&
        when.buys.all.every(bought) &&
        !when.buys.none.some(bought))) &&
    (when.memberLevel === undefined || order.buyer.memberLevel >= when.memberLevel) &&
    (when.firstOrder === undefined ||
      (order.buyer.id !== '' && (state.buyerOrders(order.buyer.id) === 0) === when.firstOrder)) &&
    (when.remarkKeywords.length === 0 ||
      when.remarkKeywords.some((k) => order.buyerMessage.includes(k) || order.sellerMemo.includes(k))) &&
    (when.labels.length === 0 || when.labels.some((l) => order.labels.includes(l))) &&
    (when.shops.length === 0 || when.shops.includes(order.shop)) &&
    (when.regions.length === 0 || inRegion(order.receiver, when.regions)) &&
    (!when.window || inWindow(when.window));
  if (!holds) return null;
  let gift: GiftSpec | undefined = rule.gift;
  if (when.spend) {
    const amount = order.amounts[when.spend.basis];
    let best: { min: number; gift: GiftSpec } | undefined;
    for (const band of when.spend.bands)
      if (amount >= band.min && (!best || band.min > best.min)) best = band;
    gift = best?.gift;
  }
  if (!gift) return null;
  if (!when.multiple) return { gift, sets: 1 };
  const { every, skus, maxSets } = when.multiple;
  const sets = Math.min(Math.floor(qtyOf(skus) / every), maxSets ?? Number.POSITIVE_INFINITY);
  return sets > 0 ? { gift, sets } : null;
}

const sku = fc.constantFrom('A', 'B', 'C', 'G1');
const skus = fc.array(sku, { maxLength: 2 });
const stamp = fc.constantFrom(
  '2026-11-10T23:59:59+08:00',
  '2026-11-11T00:00:00+08:00',
  '2026-11-11T00:30:00.500+08:00',
  '2026-11-11T15:59:59Z',
  '2026-11-12T00:00:00+08:00',
  '2026-11-11T12:00:00.5+08:00',
  '2026-11-11T23:59:59.999+08:00',
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const when = fc.record(
  {
    spend: maybe(
      fc.record({
        basis: fc.constantFrom('paid', 'total'),
        bands: fc.array(fc.record({ min: fc.constantFrom(0, 99, 199, 300), gift: fc.record({ sku }) }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    ),
    itemCount: maybe(fc.record({ min: fc.integer({ min: 1, max: 5 }), skus })),
    buys: maybe(fc.record({ any: skus, all: skus, none: skus })),
    multiple: maybe(
      fc.record({
        every: fc.integer({ min: 1, max: 3 }),
        skus,
        maxSets: maybe(fc.integer({ min: 1, max: 3 })),
      }),
    ),
    memberLevel: maybe(fc.integer({ min: 0, max: 4 })),
    firstOrder: maybe(fc.boolean()),
    remarkKeywords: fc.array(fc.constantFrom('小样', '赠品'), { maxLength: 2 }),
    labels: fc.array(fc.constantFrom('CPN-11', 'CPN-12'), { maxLength: 2 }),
    shops: fc.array(fc.constantFrom('TM-1', 'JD-1'), { maxLength: 2 }),
    regions: fc.array(fc.constantFrom('浙江', '上海', '330106'), { maxLength: 2 }),
    window: maybe(
      fc.record({ on: fc.constantFrom('paidAt', 'createdAt'), start: maybe(stamp), end: maybe(stamp) }),
    ),
  },
  { requiredKeys: [] },
);

const rule = fc
  .record({ when, gift: maybe(fc.record({ sku })) })
  .map(({ when, gift }) => GiftRuleSchema.parse({ id: 'r', when, gift }));

const line = fc.record({
  sku,
  qty: fc.integer({ min: 1, max: 4 }),
  price: fc.constantFrom(0, 50, 100),
  isGift: fc.boolean(),
  refundStatus: fc.constantFrom('none', 'refunded'),
});

const order = fc
  .record({
    lines: fc.array(line, { maxLength: 4 }),
    amounts: fc.record({ total: fc.constantFrom(0, 99, 250), paid: fc.constantFrom(0, 98.99, 199, 400) }),
    buyer: fc.record({ id: fc.constantFrom('', 'new', 'old'), memberLevel: fc.integer({ min: 0, max: 5 }) }),
    buyerMessage: fc.constantFrom('', '要小样', '赠品呢'),
    sellerMemo: fc.constantFrom('', '小样'),
    labels: fc.array(fc.constantFrom('CPN-11', 'X'), { maxLength: 2 }),
    shop: fc.constantFrom('TM-1', 'JD-1'),
    createdAt: stamp,
    paidAt: fc.option(stamp, { nil: null }),
  })
  .map(({ paidAt, ...rest }) =>
    testOrder({ ...rest, paidAt, payStatus: paidAt === null ? 'unpaid' : 'paid' }),
  );

describe('prepared gift rules', () => {
  const state = new InMemoryState({ buyers: { old: 2 } });

  it('match every order as the rule read afresh does: same gift, same sets, or none', () => {
    fc.assert(
      fc.property(rule, order, (r, o) => {
        const lines = qualifyingLines(o);
        expect(matchGiftRule(r, o, state, lines)).toEqual(reference(r, o, state, lines));
        // Asked again (the prepared rule is remembered), the answer is the same.
        expect(matchGiftRule(r, o, state)).toEqual(reference(r, o, state, lines));
      }),
      { numRuns: 5_000 },
    );
  });

  it('tell whether a rule is in play for an order without lines as the rule stripped of line conditions does', () => {
    fc.assert(
      fc.property(rule, order, (r, o) => {
        const stripped = {
          ...r,
          when: { ...r.when, itemCount: undefined, buys: undefined, multiple: undefined },
        };
        expect(matchesBesidesLines(r, o, state)).toBe(reference(stripped, o, state, []) !== null);
      }),
      { numRuns: 2_000 },
    );
  });
});
