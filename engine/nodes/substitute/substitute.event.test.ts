import { describe, expect, it } from 'vitest';
import { effectiveLines } from '../../logistics/index.ts';
import { InMemoryState } from '../../state/index.ts';
import { applyEvent, testClient, testOrder } from '../gift/apply-event.test-helper.ts';

const substitute = (...substitutions: Record<string, unknown>[]) => ({
  type: 'substitute',
  params: { substitutions },
});
const madeOf = (decision: { substitutions: { from: string; to: string; qty: number }[] }) =>
  decision.substitutions.map(({ from, to, qty }) => `${from}→${to}x${qty}`);

describe('substitute event', () => {
  const byRemark = substitute({
    id: 'r',
    from: 'A',
    to: 'B',
    when: { kind: 'remark', keywords: ['换补充装'] },
  });

  it('substitutes when the buyer message or seller memo has a keyword', () => {
    const state = new InMemoryState();
    expect(madeOf(applyEvent(byRemark, testOrder({ buyerMessage: '请换补充装' }), state))).toEqual(['A→Bx3']);
    expect(madeOf(applyEvent(byRemark, testOrder({ sellerMemo: '换补充装' }), state))).toEqual(['A→Bx3']);
    expect(madeOf(applyEvent(byRemark, testOrder({ buyerMessage: '尽快发货' }), state))).toEqual([]);
  });

  it('substitutes when A is out of stock and B is in stock, by the ratio', () => {
    const event = substitute({ id: 's', from: 'A', to: 'B', ratio: 2, when: { kind: 'outOfStock' } });
    const decide = (stock: Record<string, Record<string, number>>) =>
      madeOf(applyEvent(event, testOrder(), new InMemoryState({ stock })));
    expect(decide({ 'WH-SH': { A: 2, B: 6 }, 'WH-GZ': { A: 0 } })).toEqual(['A→Bx6']);
    expect(decide({ 'WH-SH': { A: 2, B: 5 } })).toEqual([]);
    expect(decide({ 'WH-SH': { A: 3, B: 6 } })).toEqual([]);
    expect(decide({ 'WH-SH': { A: 0 } })).toEqual(['A→Bx6']);
  });

  it('substitutes inside a date window on the pay or created time, start in and end out', () => {
    const window = { start: '2026-11-11T00:00:00+08:00', end: '2026-11-12T00:00:00+08:00' };
    const onPaid = substitute({ id: 'w', from: 'A', to: 'B', when: { kind: 'window', ...window } });
    const onCreated = substitute({
      id: 'w',
      from: 'A',
      to: 'B',
      when: { kind: 'window', on: 'createdAt', ...window },
    });
    const order = (createdAt: string, paidAt: string) => testOrder({ createdAt, paidAt });
    const state = new InMemoryState();
    const late = order('2026-11-11T23:59:00+08:00', '2026-11-12T00:00:00+08:00');
    expect(madeOf(applyEvent(onPaid, late, state))).toEqual([]);
    expect(madeOf(applyEvent(onCreated, late, state))).toEqual(['A→Bx3']);
    const early = order('2026-11-10T23:00:00+08:00', '2026-11-11T00:00:00+08:00');
    expect(madeOf(applyEvent(onPaid, early, state))).toEqual(['A→Bx3']);
    const always = substitute({ id: 'w', from: 'A', to: 'B', when: { kind: 'window' } });
    expect(madeOf(applyEvent(always, early, state))).toEqual(['A→Bx3']);
  });

  it('applies substitutions in order on the lines the earlier ones left, and skips a SKU the order lacks', () => {
    const chain = substitute(
      { id: '1', from: 'C', to: 'A', when: { kind: 'window' } },
      { id: '2', from: 'A', to: 'B', ratio: 2, when: { kind: 'window' } },
      { id: '3', from: 'A', to: 'C', when: { kind: 'window' } },
    );
    const order = testOrder({
      lines: [
        { sku: 'A', qty: 1, price: 100 },
        { sku: 'C', qty: 2, price: 80 },
      ],
    });
    const decision = applyEvent(chain, order, new InMemoryState());
    expect(madeOf(decision)).toEqual(['C→Ax2', 'A→Bx6']);
    expect(effectiveLines(order, decision, testClient).map((l) => [l.sku, l.qty, l.price])).toEqual([
      ['B', 2, 50],
      ['B', 4, 40],
    ]);
  });
});

describe('effectiveLines', () => {
  it('drops refunded lines, keeps each line’s flags under a substitution, and adds the gifts', () => {
    const order = testOrder({
      lines: [
        { sku: 'A', qty: 1, price: 100, weightKg: 0.5, isPresale: true },
        { sku: 'C', qty: 1, price: 80, refundStatus: 'refunded' },
      ],
    });
    const decision = applyEvent(
      substitute({ id: 's', from: 'A', to: 'B', when: { kind: 'window' } }),
      order,
      new InMemoryState(),
    );
    decision.gifts.push({ sku: 'G1', qty: 2, strategyId: 's', nodeId: 'g' });
    expect(effectiveLines(order, decision, testClient)).toEqual([
      expect.objectContaining({
        sku: 'B',
        name: 'Serum refill',
        qty: 1,
        price: 100,
        weightKg: 0.3,
        isPresale: true,
      }),
      expect.objectContaining({ sku: 'G1', name: 'Sample', qty: 2, price: 0, weightKg: 0.1, isGift: true }),
    ]);
  });
});
