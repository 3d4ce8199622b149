import { describe, expect, it } from 'vitest';
import { regionChildren } from '../order/regions/index.ts';
import { InMemoryState } from '../state/index.ts';
import { RECEIVERS, regionalClient, regionalOrder } from './fixtures/regional-client.ts';
import { carrierRefusal, freightCost } from './freight.ts';
import { MACRO_REGIONS, macroRegionOf } from './macro-regions.ts';
import { inAnyRegion, regionDistance, warehouseLocation } from './region-codes.ts';
import { shippingLines } from './shipped-lines.ts';
import { linesWeightKg, stockFit, takeStock } from './stock-fit.ts';

const carrier = (id: string) => regionalClient.carriers.find((c) => c.id === id)!;
const warehouse = (id: string) => regionalClient.warehouses.find((w) => w.id === id)!;
const to = (name: keyof typeof RECEIVERS) => regionalOrder({ receiver: RECEIVERS[name] }).receiver;

describe('macroRegionOf', () => {
  it('places every mainland province in exactly one macro-region', () => {
    const provinces = regionChildren();
    expect(provinces.every((p) => MACRO_REGIONS.includes(macroRegionOf(p.code)!))).toBe(true);
    expect(macroRegionOf('65')).toBe('西北');
    expect(macroRegionOf('540102')).toBe('西南');
    expect(macroRegionOf('3301')).toBe('华东');
    expect(macroRegionOf('81')).toBeUndefined();
  });
  it('reads a code that starts with two digits as the trimmed, sliced code would be read', () => {
    // A leading space takes the path that trims and slices the code: both must agree.
    const codes = [
      ...Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')),
      '330106',
      '4',
      '',
      'x3',
    ];
    for (const code of codes) {
      expect(macroRegionOf(code)).toBe(macroRegionOf(` ${code} `));
      expect(macroRegionOf(`${code}\t`)).toBe(macroRegionOf(` ${code}`));
    }
  });
});

describe('regionDistance', () => {
  const shanghai = warehouseLocation(warehouse('WH-SH'));
  it('climbs district → city → province → macro-region → nationwide', () => {
    expect(regionDistance(shanghai, to('shanghaiPudong'))).toBe(0);
    expect(regionDistance({ provinceCode: '31', cityCode: '3101', districtCode: '310104' }, shanghai)).toBe(
      1,
    );
    expect(regionDistance(warehouseLocation(warehouse('WH-GZ')), to('shenzhen'))).toBe(2);
    expect(regionDistance(shanghai, to('hangzhou'))).toBe(3);
    expect(regionDistance(shanghai, to('beijing'))).toBe(4);
  });

  it('treats an unknown place as nationwide, never as near', () => {
    expect(regionDistance(shanghai, {})).toBe(4);
    expect(regionDistance({}, {})).toBe(4);
  });
});

describe('warehouseLocation and inAnyRegion', () => {
  it('resolves a municipality warehouse down to its district', () => {
    expect(warehouseLocation(warehouse('WH-SH'))).toEqual({
      provinceCode: '31',
      cityCode: '3101',
      districtCode: '310115',
    });
  });

  it('matches names or codes at any level, and nothing for an unknown place', () => {
    expect(inAnyRegion(to('hangzhou'), ['江苏', '浙江'])).toBe(true);
    expect(inAnyRegion(to('hangzhou'), ['330106'])).toBe(true);
    expect(inAnyRegion(to('hangzhou'), ['宁波市', '火星'])).toBe(false);
    expect(inAnyRegion({}, ['浙江'])).toBe(false);
  });
});

describe('freightCost', () => {
  it('charges the first kilogram, then each started extra kilogram, from the first rate that covers', () => {
    expect(freightCost(carrier('ZTO'), to('hangzhou'), 0)).toBe(5);
    expect(freightCost(carrier('ZTO'), to('hangzhou'), 1)).toBe(5);
    expect(freightCost(carrier('ZTO'), to('hangzhou'), 1.2)).toBe(6);
    expect(freightCost(carrier('ZTO'), to('hangzhou'), 3)).toBe(7);
    expect(freightCost(carrier('ZTO'), to('beijing'), 2.5)).toBe(14);
    expect(freightCost(carrier('YTO'), to('beijing'), 1.5)).toBe(9.5);
  });

  it('is undefined where the carrier excludes the destination or has no rate for it', () => {
    expect(freightCost(carrier('SF'), to('urumqi'), 1)).toBeUndefined();
    expect(freightCost(carrier('YUNDA'), to('beijing'), 1)).toBeUndefined();
    expect(freightCost(carrier('EMS'), to('urumqi'), 2)).toBe(30);
    expect(carrierRefusal(carrier('SF'), to('lhasa'))).toMatch(/excluded/);
    expect(carrierRefusal(carrier('YUNDA'), to('beijing'))).toMatch(/no freight rate/);
    expect(carrierRefusal(carrier('EMS'), to('xining'))).toBeNull();
  });

  it('answers each carrier for each place whatever was asked before, carriers told apart by object', () => {
    const hangzhou = to('hangzhou');
    // Another client's ZTO: the same id, its own rates; carriers are told apart by object, not id.
    const otherZto = { ...carrier('ZTO'), freight: [{ regions: [], firstKg: 1, extraKg: 1 }] };
    const asked: [string, number | undefined][] = [
      ['ZTO', freightCost(carrier('ZTO'), hangzhou, 1)],
      ['YUNDA', freightCost(carrier('YUNDA'), hangzhou, 1)],
      ['other ZTO', freightCost(otherZto, hangzhou, 1)],
      ['ZTO', freightCost(carrier('ZTO'), hangzhou, 1)],
      ['ZTO beijing', freightCost(carrier('ZTO'), to('beijing'), 1)],
      ['YUNDA beijing', freightCost(carrier('YUNDA'), to('beijing'), 1)],
      ['SF urumqi', freightCost(carrier('SF'), to('urumqi'), 1)],
      ['SF hangzhou', freightCost(carrier('SF'), hangzhou, 1)],
      ['YUNDA hangzhou again', freightCost(carrier('YUNDA'), hangzhou, 1)],
    ];
    expect(asked).toEqual([
      ['ZTO', 5],
      ['YUNDA', 4.5],
      ['other ZTO', 1],
      ['ZTO', 5],
      ['ZTO beijing', 8],
      ['YUNDA beijing', undefined],
      ['SF urumqi', undefined],
      ['SF hangzhou', 23],
      ['YUNDA hangzhou again', 4.5],
    ]);
    expect(carrierRefusal(carrier('YUNDA'), to('beijing'))).toMatch(/no freight rate/);
    expect(carrierRefusal(carrier('YUNDA'), hangzhou)).toBeNull();
  });
});

describe('stock', () => {
  const order = regionalOrder({
    lines: [
      { sku: 'LIP-01', qty: 2, price: 199, weightKg: 0.2 },
      { sku: 'CREAM-02', qty: 1, price: 399, refundStatus: 'refunded' },
      { sku: 'MASK-03', qty: 3, price: 99 },
      { sku: 'LIP-01', qty: 1, price: 199 },
    ],
  });

  it('ships unrefunded lines merged by SKU, with substitutions and gifts applied', () => {
    expect(shippingLines(order, { substitutions: [], gifts: [] })).toEqual([
      { sku: 'LIP-01', qty: 3 },
      { sku: 'MASK-03', qty: 3 },
    ]);
    const substituted = shippingLines(order, {
      substitutions: [{ from: 'MASK-03', to: 'SERUM-04', qty: 5, strategyId: 's', nodeId: 'n' }],
      gifts: [{ sku: 'LIP-01', qty: 1, strategyId: 's', nodeId: 'g' }],
    });
    expect(substituted).toEqual([
      { sku: 'LIP-01', qty: 4 },
      { sku: 'SERUM-04', qty: 5 },
    ]);
  });

  it('weighs lines by the order unit weight, else the client SKU weight', () => {
    expect(linesWeightKg(shippingLines(order, { substitutions: [], gifts: [] }), order, regionalClient)).toBe(
      1.5,
    );
  });

  it('fits only when every line is on hand; untracked SKUs always fit', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { 'LIP-01': 2, 'MASK-03': 9 } } });
    const lines = shippingLines(order, { substitutions: [], gifts: [] });
    expect(stockFit(state, 'WH-SH', lines)).toEqual({
      fits: false,
      short: [{ sku: 'LIP-01', need: 3, have: 2 }],
    });
    expect(stockFit(state, 'WH-GZ', lines).fits).toBe(true);
  });

  it('takes what is on hand from tracked stock and records it', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { 'LIP-01': 2, 'MASK-03': 9 } } });
    expect(
      takeStock(state, 'WH-SH', [
        { sku: 'LIP-01', qty: 3 },
        { sku: 'MASK-03', qty: 3 },
        { sku: 'X', qty: 1 },
      ]),
    ).toEqual([
      { kind: 'stock', warehouse: 'WH-SH', sku: 'LIP-01', qty: 2 },
      { kind: 'stock', warehouse: 'WH-SH', sku: 'MASK-03', qty: 3 },
    ]);
    expect(state.stock('WH-SH', 'MASK-03')).toBe(6);
    expect(state.stock('WH-SH', 'LIP-01')).toBe(0);
  });
});
