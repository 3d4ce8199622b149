import { describe, expect, it } from 'vitest';
import type { Decision } from '../../decision/decision.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { DecisionBuilder, prepareEvent } from '../../runtime/pipeline/decision-builder.ts';
import { InMemoryState } from '../../state/index.ts';
import { applyEvent, testOrder } from './apply-event.test-helper.ts';

const giftRules = (...rules: Record<string, unknown>[]) => ({ type: 'gift.rules', params: { rules } });

const counterKeys = (decision: Decision) =>
  decision.consumed.map((c) => (c.kind === 'counter' ? c.key : c.kind));

/**
 * Decides orders with one rule's params parsed once, as a pipeline does (its caps keep their
 * counter names between orders), from node `nodeId` of strategy `s`, on one state.
 */
function preparedDecider(rule: Record<string, unknown>) {
  const event = giftRules(rule);
  const prepared = prepareEvent(event);
  const state = new InMemoryState();
  return (order: StandardOrder, nodeId: string): Decision => {
    const builder = new DecisionBuilder(order, undefined, state);
    builder.apply(event, { strategyId: 's', nodeId }, prepared);
    return builder.finish();
  };
}
const giftsOf = (decision: { gifts: { sku: string; qty: number }[] }) =>
  decision.gifts.map(({ sku, qty }) => `${sku}x${qty}`);

describe('gift.rules event', () => {
  it('gives a first-order gift once per buyer, the pipeline recording each order after deciding it', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'first', when: { firstOrder: true }, gift: { sku: 'G1' } });
    const decide = (buyer: string) => {
      const decision = applyEvent(event, testOrder({ buyer: { id: buyer } }), state);
      state.recordBuyerOrder(buyer);
      return giftsOf(decision);
    };
    expect([decide('u1'), decide('u1'), decide('u2')]).toEqual([['G1x1'], [], ['G1x1']]);
  });

  it('gives a total cap to the first orders processed, counting gift units, and records what it took', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'r', gift: { sku: 'G1' }, caps: { total: 3 } });
    const decisions = [1, 2, 3, 4, 5].map((n) => applyEvent(event, testOrder({ id: `O-${n}` }), state));
    expect(decisions.map(giftsOf)).toEqual([['G1x1'], ['G1x1'], ['G1x1'], [], []]);
    expect(decisions[0]?.consumed).toEqual([{ kind: 'counter', key: 'gift:s:n:r:total', qty: 1 }]);
    expect(decisions[3]?.consumed).toEqual([]);
    expect(decisions[3]?.holds).toEqual([]);
    expect(state.counter('gift:s:n:r:total')).toBe(3);
  });

  it('counts orders, not units, under a first-N-orders cap', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'r', gift: { sku: 'G1', qty: 2 }, caps: { firstOrders: 2 } });
    const decisions = [1, 2, 3].map(() => applyEvent(event, testOrder(), state));
    expect(decisions.map(giftsOf)).toEqual([['G1x2'], ['G1x2'], []]);
    expect(decisions[1]?.consumed).toEqual([{ kind: 'counter', key: 'gift:s:n:r:orders', qty: 1 }]);
  });

  it('caps per day by the pay date in China time, so a new day starts a new count', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'r', gift: { sku: 'G1' }, caps: { perDay: 2 } });
    const paid = ['2026-11-11T09:00:00+08:00', '2026-11-11T12:00:00+08:00', '2026-11-11T23:00:00+08:00'];
    // 16:30 UTC on the 11th is already the 12th in China.
    const nextDay = ['2026-11-11T16:30:00Z', '2026-11-12T08:00:00+08:00', '2026-11-12T20:00:00+08:00'];
    const decisions = [...paid, ...nextDay].map((paidAt) => applyEvent(event, testOrder({ paidAt }), state));
    expect(decisions.map((d) => d.gifts.length)).toEqual([1, 1, 0, 1, 1, 0]);
    expect(decisions[3]?.consumed).toEqual([{ kind: 'counter', key: 'gift:s:n:r:day:2026-11-12', qty: 1 }]);
  });

  it('counts each day apart when orders arrive out of day order, the unpaid by their created day', () => {
    const decide = preparedDecider({ id: 'r', gift: { sku: 'G1' }, caps: { perDay: 5 } });
    const times = [
      { paidAt: '2026-11-11T23:59:59+08:00' },
      { paidAt: '2026-11-11T16:00:00Z' },
      { paidAt: '2026-11-11T10:00:00+08:00' },
      { paidAt: null, payStatus: 'unpaid', createdAt: '2026-11-12T00:00:00+08:00' },
      { paidAt: '2026-11-13T01:00:00+08:00' },
    ];
    const keys = times.map((t) => counterKeys(decide(testOrder(t), 'n')));
    expect(keys.flat()).toEqual([
      'gift:s:n:r:day:2026-11-11',
      'gift:s:n:r:day:2026-11-12',
      'gift:s:n:r:day:2026-11-11',
      'gift:s:n:r:day:2026-11-12',
      'gift:s:n:r:day:2026-11-13',
    ]);
  });

  it('names its counters for the node it is met under', () => {
    const decide = preparedDecider({ id: 'r', gift: { sku: 'G1' }, caps: { total: 5, perDay: 5 } });
    const keys = ['n', 'other', 'n'].map((nodeId) => counterKeys(decide(testOrder(), nodeId)));
    expect(keys).toEqual([
      ['gift:s:n:r:total', 'gift:s:n:r:day:2026-11-11'],
      ['gift:s:other:r:total', 'gift:s:other:r:day:2026-11-11'],
      ['gift:s:n:r:total', 'gift:s:n:r:day:2026-11-11'],
    ]);
  });

  it('takes from all its caps or none: a gift over its total leaves the daily count alone', () => {
    const state = new InMemoryState({ counters: { 'gift:s:n:r:total': 1 } });
    const event = giftRules({ id: 'r', gift: { sku: 'G1' }, caps: { total: 1, perDay: 5 } });
    expect(applyEvent(event, testOrder(), state).gifts).toEqual([]);
    expect(state.counter('gift:s:n:r:day:2026-11-11')).toBe(0);
  });

  it('caps per buyer, and gives nothing capped per buyer to an order without a buyer id', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'r', gift: { sku: 'G1' }, caps: { perBuyer: 1 } });
    const buyer = (id: string) => giftsOf(applyEvent(event, testOrder({ buyer: { id } }), state));
    expect([buyer('u1'), buyer('u1'), buyer('u2'), buyer('')]).toEqual([['G1x1'], [], ['G1x1'], []]);
  });

  it('stops at an exclusive rule that gives, but not at one that gives nothing', () => {
    const state = new InMemoryState();
    const rules = [
      { id: 'vip', when: { memberLevel: 5 }, gift: { sku: 'G3' }, exclusive: true },
      { id: 'big', when: { spend: { bands: [{ min: 200, gift: { sku: 'G2' } }] } }, exclusive: true },
      { id: 'all', gift: { sku: 'G1' } },
    ];
    expect(giftsOf(applyEvent(giftRules(...rules), testOrder(), state))).toEqual(['G2x1']);
    const small = testOrder({ amounts: { total: 100, paid: 100 } });
    expect(giftsOf(applyEvent(giftRules(...rules), small, state))).toEqual(['G1x1']);
    const collectAll = rules.map((r) => ({ ...r, exclusive: false }));
    expect(giftsOf(applyEvent(giftRules(...collectAll), testOrder(), state))).toEqual(['G2x1', 'G1x1']);
  });

  it('gives the fallback when the gift is out of stock in every warehouse that tracks it', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { G1: 0, G2: 5 }, 'WH-GZ': { G1: 1 } } });
    const event = giftRules({
      id: 'r',
      gift: { sku: 'G1', qty: 2, fallback: { sku: 'G2' } },
      caps: { total: 9 },
    });
    const decision = applyEvent(event, testOrder(), state);
    expect(giftsOf(decision)).toEqual(['G2x2']);
    expect(decision.consumed).toEqual([]);
    expect(state.counter('gift:s:n:r:total')).toBe(0);
  });

  it('counts a SKU no warehouse tracks as in stock, and gives nothing when neither gift is in stock', () => {
    const untracked = giftRules({ id: 'r', gift: { sku: 'G3' } });
    expect(giftsOf(applyEvent(untracked, testOrder(), new InMemoryState()))).toEqual(['G3x1']);
    const state = new InMemoryState({ stock: { 'WH-SH': { G1: 0, G2: 0 } } });
    const event = giftRules({ id: 'r', gift: { sku: 'G1', fallback: { sku: 'G2', qty: 3 } } });
    const decision = applyEvent(event, testOrder(), state);
    expect(decision.gifts).toEqual([]);
    expect(decision.status).toBe('approved');
  });

  it('gives the fallback once the cap is used up, and the fallback itself is not capped', () => {
    const state = new InMemoryState();
    const event = giftRules({ id: 'r', gift: { sku: 'G1', fallback: { sku: 'G2' } }, caps: { total: 1 } });
    const decisions = [1, 2, 3].map(() => giftsOf(applyEvent(event, testOrder(), state)));
    expect(decisions).toEqual([['G1x1'], ['G2x1'], ['G2x1']]);
  });

  it('multiplies the gift and its fallback by the sets an order earns, and caps count the units', () => {
    const state = new InMemoryState();
    const event = giftRules({
      id: 'r',
      when: { multiple: { every: 2, maxSets: 3 } },
      gift: { sku: 'G1', fallback: { sku: 'G2' } },
      caps: { total: 4 },
    });
    const order = (qty: number) => testOrder({ lines: [{ sku: 'A', qty, price: 100 }] });
    expect(giftsOf(applyEvent(event, order(6), state))).toEqual(['G1x3']);
    expect(giftsOf(applyEvent(event, order(4), state))).toEqual(['G2x2']);
    expect(giftsOf(applyEvent(event, order(2), state))).toEqual(['G1x1']);
  });

  it('reserves a gift at the warehouse when one is already chosen, and records it', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { G1: 0 }, 'WH-GZ': { G1: 4 } } });
    const event = giftRules({ id: 'r', gift: { sku: 'G1', fallback: { sku: 'G2' } } });
    const atGz = applyEvent(event, testOrder(), state, undefined, (d) => {
      d.warehouse = 'WH-GZ';
    });
    expect(atGz.consumed).toEqual([{ kind: 'stock', warehouse: 'WH-GZ', sku: 'G1', qty: 1 }]);
    expect(state.stock('WH-GZ', 'G1')).toBe(3);
    const atSh = applyEvent(event, testOrder(), state, undefined, (d) => {
      d.warehouse = 'WH-SH';
    });
    expect(giftsOf(atSh)).toEqual(['G2x1']);
  });
});

describe('gift.rules event: an order without lines (an order-level export)', () => {
  const noLines = () => testOrder({ lines: [] });
  const holdsOf = (decision: { holds: { reason: string; message?: string }[] }) =>
    decision.holds.map((h) => `${h.reason}: ${h.message}`);

  it('gives what does not count lines (spend bands, first order) and holds no_lines for a rule that does', () => {
    const decision = applyEvent(
      giftRules(
        { id: 'five-items', when: { itemCount: { min: 5 } }, gift: { sku: 'G2' } },
        { id: 'spend', when: { spend: { bands: [{ min: 99, gift: { sku: 'G1' } }] } } },
      ),
      noLines(),
      new InMemoryState(),
    );
    expect(giftsOf(decision)).toEqual(['G1x1']);
    expect(holdsOf(decision)).toEqual([
      'no_lines: gift rule "five-items" needs the order\'s lines, and the order has none (its source gave no line detail)',
    ]);
  });

  it('does not hold for a rule whose other conditions already rule the order out', () => {
    const decision = applyEvent(
      giftRules({ id: 'other-shop', when: { buys: { any: ['A'] }, shops: ['JD-1'] }, gift: { sku: 'G2' } }),
      noLines(),
      new InMemoryState(),
    );
    expect(decision.holds).toEqual([]);
  });

  it('stops at an exclusive rule that counts lines: whether it gives decides whether the later ones may', () => {
    const decision = applyEvent(
      giftRules(
        { id: 'box-only', when: { buys: { any: ['SOFA'] } }, gift: { sku: 'G3' }, exclusive: true },
        { id: 'spend', when: { spend: { bands: [{ min: 99, gift: { sku: 'G1' } }] } } },
      ),
      noLines(),
      new InMemoryState(),
    );
    expect(giftsOf(decision)).toEqual([]);
    expect(decision.holds.map((h) => h.reason)).toEqual(['no_lines']);
  });
});
