import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../client/index.ts';
import type { OrderLine } from '../../order/schema.ts';
import { testClient } from '../gift/apply-event.test-helper.ts';
import { packByWeight } from './pack-by-weight.ts';
import { type SplitParams, SplitParamsSchema } from './split.schema.ts';
import { type Parcel, shipsWhole, splitParcels } from './split-parcels.ts';

/**
 * Splitting as first written (drafts per group, lines packed unit by unit, merged by SKU): the
 * definition the parcels made in place, and the one-parcel shortcut, must agree with.
 */
function reference(lines: readonly OrderLine[], params: SplitParams, client: Client): Parcel[] {
  const catalogue = new Map(client.skus.map((s) => [s.sku, s]));
  const grams = (l: OrderLine) => Math.round((l.weightKg || catalogue.get(l.sku)?.weightKg || 0) * 1000);
  const isBulky = (l: OrderLine) =>
    (params.bulky.fromCatalogue && catalogue.get(l.sku)?.bulky === true) ||
    params.bulky.skus.includes(l.sku) ||
    (params.bulky.overKgPerUnit !== undefined && grams(l) > params.bulky.overKgPerUnit * 1000);
  const ridesAlong = (l: OrderLine) =>
    l.isGift ||
    params.accessories.skus.includes(l.sku) ||
    params.accessories.categories.includes(l.category || (catalogue.get(l.sku)?.category ?? ''));
  const merged = (items: { sku: string; qty: number }[]) => {
    const out: { sku: string; qty: number }[] = [];
    for (const { sku, qty } of items) {
      const same = out.find((l) => l.sku === sku);
      if (same) same.qty += qty;
      else out.push({ sku, qty });
    }
    return out;
  };
  const group = (ls: readonly OrderLine[]) => {
    const drafts: { lines: { sku: string; qty: number }[]; cause: string }[] = [];
    for (const l of ls.filter(isBulky)) {
      for (let u = 0; u < l.qty; u++) drafts.push({ lines: [{ sku: l.sku, qty: 1 }], cause: 'bulky' });
    }
    const others = ls.filter((l) => !isBulky(l));
    const riders = others.filter(ridesAlong);
    const rest = others.filter((l) => !ridesAlong(l));
    if (drafts[0])
      drafts[0].lines = merged([...drafts[0].lines, ...riders.map((l) => ({ sku: l.sku, qty: l.qty }))]);
    else rest.push(...riders);
    if (rest.length === 0) return drafts;
    if (params.maxParcelWeightG === undefined) {
      return [...drafts, { lines: merged(rest.map((l) => ({ sku: l.sku, qty: l.qty }))), cause: '' }];
    }
    const units = rest.flatMap((l) =>
      Array.from({ length: Math.max(0, Math.trunc(l.qty)) }, () => ({ sku: l.sku, grams: grams(l) })),
    );
    const packs = packByWeight(units, params.maxParcelWeightG);
    const cause = packs.length > 1 ? 'weight' : '';
    return [
      ...drafts,
      ...packs.map((p) => ({ lines: merged(p.map((u) => ({ sku: u.sku, qty: 1 }))), cause })),
    ];
  };
  const now = params.presale ? lines.filter((l) => !l.isPresale) : lines;
  const later = params.presale ? lines.filter((l) => l.isPresale) : [];
  return [
    ...group(now).map((d) => ({ warehouse: null, lines: d.lines, reason: d.cause || 'regular' })),
    ...group(later).map((d) => ({
      warehouse: null,
      lines: d.lines,
      reason: d.cause ? `presale+${d.cause}` : 'presale',
    })),
  ];
}

const lineArb = fc.record({
  sku: fc.constantFrom('A', 'B', 'C', 'SOFA', 'LEG', 'G1', 'X', 'Y'),
  qty: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 5, noNaN: true })),
  weightKg: fc.constantFrom(0, 0.2, 0.5, 0.9, 2.5, 7, 12),
  category: fc.constantFrom('', 'hardware', 'mask'),
  isGift: fc.boolean(),
  isPresale: fc.boolean(),
});

const paramsArb = fc.record({
  bulky: fc.record({
    fromCatalogue: fc.boolean(),
    skus: fc.subarray(['A', 'X']),
    overKgPerUnit: fc.option(fc.constantFrom(1, 5, 10), { nil: undefined }),
  }),
  accessories: fc.record({ skus: fc.subarray(['B', 'LEG']), categories: fc.subarray(['hardware', 'mask']) }),
  presale: fc.boolean(),
  maxParcelWeightG: fc.option(fc.constantFrom(500, 1000, 3000, 8000), { nil: undefined }),
});

/** An order line of the settings splitting reads; the rest as an order has them. */
const orderLine = (l: Omit<OrderLine, 'name' | 'price' | 'volumeL' | 'refundStatus'>): OrderLine => ({
  ...l,
  name: '',
  price: 1,
  volumeL: 0,
  refundStatus: 'none' as const,
});

describe('splitParcels', () => {
  it('makes the parcels, reasons and line order the first version made, for any lines and settings', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), paramsArb, (raw, rawParams) => {
        const lines = raw.map(orderLine);
        const params = SplitParamsSchema.parse(rawParams);
        expect(splitParcels(lines, params, testClient)).toEqual(reference(lines, params, testClient));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('shipsWhole', () => {
  it('says whether the first version made one parcel or none, for any lines and settings', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), paramsArb, (raw, rawParams) => {
        const lines = raw.map(orderLine);
        const params = SplitParamsSchema.parse(rawParams);
        expect(shipsWhole(lines, params, testClient)).toBe(reference(lines, params, testClient).length <= 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a unit weighing below 0 to packing', () => {
    const params = SplitParamsSchema.parse({ maxParcelWeightG: 1000 });
    const lines = [
      orderLine({ sku: 'X', qty: 2, weightKg: -1, category: '', isGift: false, isPresale: false }),
    ];
    expect(shipsWhole(lines, params, testClient)).toBe(false);
    expect(splitParcels(lines, params, testClient)).toHaveLength(1);
  });
});
