import { describe, expect, it } from 'vitest';
import { InMemoryState } from '../../state/index.ts';
import { applyEvent, testClient, testOrder } from '../gift/apply-event.test-helper.ts';
import { packByWeight } from './pack-by-weight.ts';

const split = (params: Record<string, unknown> = {}) => ({ type: 'split', params });
const parcelsOf = (order = testOrder(), params: Record<string, unknown> = {}, gifts: string[] = []) =>
  applyEvent(split(params), order, new InMemoryState(), testClient, (d) => {
    for (const sku of gifts) d.gifts.push({ sku, qty: 1, strategyId: 's', nodeId: 'g' });
  }).parcels.map(({ warehouse, lines, reason }) => ({
    warehouse,
    reason,
    lines: lines.map((l) => `${l.sku}x${l.qty}`),
  }));
const line = (sku: string, qty: number, extra: Record<string, unknown> = {}) => ({
  sku,
  qty,
  price: 10,
  ...extra,
});

describe('split event', () => {
  it('ships each big item alone, accessories and gifts riding with the first, the rest apart', () => {
    const order = testOrder({
      lines: [line('SOFA', 2, { weightKg: 40 }), line('LEG', 8, { category: 'hardware' }), line('A', 1)],
    });
    expect(parcelsOf(order, { accessories: { skus: ['LEG'] } }, ['G1'])).toEqual([
      { warehouse: null, reason: 'bulky', lines: ['SOFAx1', 'LEGx8', 'G1x1'] },
      { warehouse: null, reason: 'bulky', lines: ['SOFAx1'] },
      { warehouse: null, reason: 'regular', lines: ['Ax1'] },
    ]);
    expect(parcelsOf(order, { accessories: { categories: ['hardware'] } })[0]?.lines).toEqual([
      'SOFAx1',
      'LEGx8',
    ]);
  });

  it('finds big items by the catalogue flag, a SKU list, or weight per unit over N kg', () => {
    const order = testOrder({ lines: [line('SOFA', 1), line('C', 1, { weightKg: 12 }), line('A', 2)] });
    expect(parcelsOf(order).map((p) => p.lines)).toEqual([['SOFAx1'], ['Cx1', 'Ax2']]);
    expect(parcelsOf(order, { bulky: { fromCatalogue: false, skus: ['A'] } }).map((p) => p.lines)).toEqual([
      ['Ax1'],
      ['Ax1'],
      ['SOFAx1', 'Cx1'],
    ]);
    expect(parcelsOf(order, { bulky: { overKgPerUnit: 10 } }).map((p) => p.lines)).toEqual([
      ['SOFAx1'],
      ['Cx1'],
      ['Ax2'],
    ]);
  });

  it('fills parcels up to a weight, heaviest unit first into the first that fits', () => {
    const order = testOrder({
      lines: [
        line('A', 3, { weightKg: 0.5 }),
        line('C', 2, { weightKg: 0.8 }),
        line('B', 1, { weightKg: 0.3 }),
      ],
    });
    expect(parcelsOf(order, { maxParcelWeightG: 1000 })).toEqual([
      { warehouse: null, reason: 'weight', lines: ['Cx1'] },
      { warehouse: null, reason: 'weight', lines: ['Cx1'] },
      { warehouse: null, reason: 'weight', lines: ['Ax2'] },
      { warehouse: null, reason: 'weight', lines: ['Ax1', 'Bx1'] },
    ]);
    expect(parcelsOf(order, { maxParcelWeightG: 3400 })).toEqual([]);
  });

  it('takes a unit weight from the catalogue when the line has none, and gives an overweight unit its own parcel', () => {
    const order = testOrder({ lines: [line('C', 2), line('LEG', 1, { weightKg: 2.5 })] });
    expect(parcelsOf(order, { maxParcelWeightG: 1000 }).map((p) => p.lines)).toEqual([['LEGx1'], ['Cx2']]);
  });

  it('ships presale lines apart, never ships refunded lines, and leaves an order that fits one parcel whole', () => {
    const order = testOrder({
      lines: [line('A', 1), line('B', 2, { isPresale: true }), line('C', 1, { refundStatus: 'refunded' })],
    });
    expect(parcelsOf(order)).toEqual([
      { warehouse: null, reason: 'regular', lines: ['Ax1'] },
      { warehouse: null, reason: 'presale', lines: ['Bx2'] },
    ]);
    expect(parcelsOf(order, { presale: false })).toEqual([]);
    const presaleSofa = testOrder({ lines: [line('A', 1), line('SOFA', 1, { isPresale: true })] });
    expect(parcelsOf(presaleSofa).map((p) => p.reason)).toEqual(['regular', 'presale+bulky']);
  });

  it('lists a parcel that takes every unit as packing does: heaviest first, each SKU once', () => {
    // With a big item, the rest is a parcel of its own: its lines show the order packing gave them.
    const order = testOrder({
      lines: [
        line('SOFA', 1),
        line('A', 2, { weightKg: 0.2 }),
        line('C', 1, { weightKg: 0.8 }),
        line('A', 1, { weightKg: 0.2 }),
        line('B', 1, { weightKg: 0.9 }),
      ],
    });
    expect(parcelsOf(order, { maxParcelWeightG: 5000 })).toEqual([
      { warehouse: null, reason: 'bulky', lines: ['SOFAx1'] },
      { warehouse: null, reason: 'regular', lines: ['Bx1', 'Cx1', 'Ax3'] },
    ]);
    expect(parcelsOf(order, { maxParcelWeightG: 1000 }).map((p) => p.lines)).toEqual([
      ['SOFAx1'],
      ['Bx1'],
      ['Cx1', 'Ax1'],
      ['Ax2'],
    ]);
  });

  it('splits the substituted lines, not the ones the platform sent', () => {
    const order = testOrder({ lines: [line('A', 1), line('C', 1)] });
    const decision = applyEvent(split(), order, new InMemoryState(), testClient, (d) => {
      d.substitutions.push({ from: 'C', to: 'SOFA', qty: 1, strategyId: 's', nodeId: 'x' });
    });
    expect(decision.parcels.map((p) => p.lines)).toEqual([[{ sku: 'SOFA', qty: 1 }], [{ sku: 'A', qty: 1 }]]);
  });
});

describe('packByWeight', () => {
  it('keeps units of equal weight in their order', () => {
    const units = ['a', 'b', 'c'].map((sku) => ({ sku, grams: 400 }));
    expect(packByWeight(units, 800).map((p) => p.map((u) => u.sku))).toEqual([['a', 'b'], ['c']]);
  });
});
