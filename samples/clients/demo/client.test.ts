import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../../../engine/client/index.ts';
import { findRegion } from '../../../engine/order/regions/index.ts';

const client = ClientSchema.parse(
  JSON.parse(readFileSync(new URL('./client.json', import.meta.url), 'utf8')),
);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('the demo client', () => {
  it('is client "demo" with a shop on each platform', () => {
    expect(client.id).toBe('demo');
    expect(Object.fromEntries(client.shops.map((s) => [s.id, s.platform]))).toMatchObject({
      'demo-tmall-flagship': 'tmall',
      'demo-taobao-store': 'taobao',
      'demo-jd-store': 'jd',
      'demo-douyin-shop': 'douyin',
    });
  });

  it('has the regional warehouses and the Tianjin bulky-goods warehouse the sample strategies name', () => {
    expect(ids(client.warehouses)).toEqual(
      expect.arrayContaining(['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-CD', 'WH-WH', 'WH-XA', 'WH-TJ-BULK']),
    );
  });

  it('names only real places in warehouse locations, covers and carrier freight tables', () => {
    const places = [
      ...client.warehouses.flatMap((w) => [w.province, w.district, ...w.covers.include, ...w.covers.exclude]),
      ...client.carriers.flatMap((c) => [...c.excludes, ...c.freight.flatMap((f) => f.regions)]),
    ];
    expect(places.filter((p) => !findRegion(p))).toEqual([]);
  });

  it('has the carriers, COD only where the carrier collects, and a nationwide rate for each', () => {
    expect(ids(client.carriers)).toEqual(['SF', 'JD', 'ZTO', 'YTO', 'YUNDA', 'EMS', 'DBL']);
    expect(client.carriers.filter((c) => c.cod).map((c) => c.id)).toEqual(['SF', 'JD', 'EMS']);
    for (const carrier of client.carriers) expect(carrier.freight.at(-1)?.regions, carrier.id).toEqual([]);
  });

  it('makes EMS the cheap carrier to Xinjiang and Tibet', () => {
    const farRate = (id: string) =>
      client.carriers.find((c) => c.id === id)!.freight.find((f) => f.regions.includes('西藏'));
    expect(farRate('EMS')!.firstKg).toBeLessThan(farRate('SF')!.firstKg);
    expect(farRate('EMS')!.extraKg).toBeLessThan(farRate('JD')!.extraKg);
  });

  it('lists about 200 SKUs with unique codes, real prices and some bulky goods over 5 kg', () => {
    const codes = client.skus.map((s) => s.sku);
    expect(codes.length).toBeGreaterThanOrEqual(190);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('CHANDO-0001');
    const bulky = client.skus.filter((s) => s.bulky);
    expect(bulky.length).toBeGreaterThanOrEqual(3);
    expect(bulky.every((s) => s.weightKg > 5)).toBe(true);
    expect(client.skus.filter((s) => !s.bulky).every((s) => s.weightKg > 0 && s.weightKg <= 3)).toBe(true);
  });
});
