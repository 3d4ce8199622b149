import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClient } from '../client/index.ts';
import { ndjsonChunks } from '../loader/write-ndjson.ts';
import { adaptOrder, detectPlatform } from '../order/adapters/index.ts';
import type { StandardOrder } from '../order/schema.ts';
import { generateOrders } from './generate-orders.ts';
import type { PlatformMix } from './platform-mix.ts';

const clientFile = new URL('../../samples/clients/demo/client.json', import.meta.url);
const client = parseClient(JSON.parse(readFileSync(clientFile, 'utf8')), clientFile.pathname);

const ndjson = (count: number, seed: string, mix?: PlatformMix) =>
  [...ndjsonChunks(generateOrders({ client, count, seed, mix }), { written: 0 })].join('');

const adapted = (count: number, seed: string, mix?: PlatformMix): StandardOrder[] =>
  [...generateOrders({ client, count, seed, mix })].map((raw, i) => {
    const platform = detectPlatform(raw);
    if (!platform || platform === 'standard') throw new Error(`order ${i} is not a raw platform order`);
    return adaptOrder(platform, raw, { line: i + 1 });
  });

const share = (orders: StandardOrder[], test: (o: StandardOrder) => boolean) =>
  orders.filter(test).length / orders.length;

describe('generateOrders', () => {
  it('writes byte-identical NDJSON for the same seed, and other orders for another seed', () => {
    const first = ndjson(500, 'same');
    expect(ndjson(500, 'same')).toBe(first);
    expect(ndjson(500, 'other')).not.toBe(first);
    expect(first.split('\n')).toHaveLength(501);
  });

  it('honours the platform mix roughly', () => {
    const orders = adapted(4000, 'mix', { tmall: 0.5, jd: 0.3, douyin: 0.2 });
    expect(share(orders, (o) => o.shop === 'demo-tmall-flagship')).toBeCloseTo(0.5, 1);
    expect(share(orders, (o) => o.platform === 'jd')).toBeCloseTo(0.3, 1);
    expect(share(orders, (o) => o.platform === 'douyin')).toBeCloseTo(0.2, 1);
    expect(orders.some((o) => o.shop === 'demo-taobao-store')).toBe(false);
  });

  it('writes orders that every adapter reads: known shops and SKUs, receivers that resolve', () => {
    const orders = adapted(2000, 'adapt');
    const skus = new Set(client.skus.map((s) => s.sku));
    const shops = new Set(client.shops.map((s) => s.id));
    expect(new Set(orders.map((o) => o.platform))).toEqual(new Set(['tmall', 'jd', 'douyin']));
    expect(orders.filter((o) => !shops.has(o.shop))).toEqual([]);
    expect(orders.flatMap((o) => o.lines.filter((l) => !skus.has(l.sku)))).toEqual([]);
    const regionIssues = orders.flatMap((o) => o.issues.filter((i) => i.code.startsWith('region_')));
    expect(regionIssues).toEqual([]);
    expect(orders.every((o) => o.receiver.districtCode !== '')).toBe(true);
  });
});

describe('a 10,000-order double-11 sample', () => {
  const orders = adapted(10_000, 'shares');
  const ids = new Set<string>();
  const duplicates = orders.filter((o) => ids.size === ids.add(o.id).size);
  const buyers = new Set<string>();
  const returning = orders.filter((o) => buyers.size === buyers.add(o.buyer.id).size);
  const remarks = orders.map((o) => `${o.buyerMessage} ${o.sellerMemo}`).join('\n');

  it('has unpaid, COD, presale, refunded and duplicate orders in believable shares', () => {
    expect(share(orders, (o) => o.payStatus === 'unpaid' && o.type !== 'cod')).toBeGreaterThan(0.015);
    expect(share(orders, (o) => o.payStatus === 'unpaid' && o.type !== 'cod')).toBeLessThan(0.05);
    expect(share(orders, (o) => o.type === 'cod')).toBeGreaterThan(0.01);
    expect(share(orders, (o) => o.type === 'cod')).toBeLessThan(0.04);
    expect(share(orders, (o) => o.type === 'cod' && o.platform === 'jd')).toBeGreaterThan(
      share(orders, (o) => o.type === 'cod') / 2,
    );
    expect(share(orders, (o) => o.type === 'presale')).toBeGreaterThan(0.03);
    expect(share(orders, (o) => o.type === 'presale')).toBeLessThan(0.08);
    expect(share(orders, (o) => o.payStatus === 'partPaid')).toBeGreaterThan(0);
    expect(share(orders, (o) => o.refundStatus !== 'none')).toBeGreaterThan(0.008);
    expect(share(orders, (o) => o.refundStatus !== 'none')).toBeLessThan(0.035);
    expect(duplicates.length / orders.length).toBeGreaterThan(0.002);
    expect(duplicates.length / orders.length).toBeLessThan(0.01);
  });

  it('pays most orders in the first two hours of 11 November and the rest later that day', () => {
    const paid = orders.filter((o) => o.paidAt !== null);
    expect(paid.every((o) => o.paidAt!.startsWith('2026-11-11T'))).toBe(true);
    expect(share(paid, (o) => o.paidAt! < '2026-11-11T02:00:00+08:00')).toBeGreaterThan(0.5);
    expect(share(paid, (o) => o.paidAt! >= '2026-11-11T12:00:00+08:00')).toBeGreaterThan(0.1);
  });

  it('has returning buyers, multi-line and bulky orders, rural and remote receivers', () => {
    expect(returning.length / orders.length).toBeGreaterThan(0.15);
    expect(share(orders, (o) => o.lines.length > 1)).toBeGreaterThan(0.25);
    const bulky = new Set(client.skus.filter((s) => s.bulky).map((s) => s.sku));
    expect(share(orders, (o) => o.lines.some((l) => bulky.has(l.sku)))).toBeGreaterThan(0.01);
    expect(share(orders, (o) => /[村镇乡]/.test(o.receiver.address))).toBeGreaterThan(0.1);
    expect(orders.some((o) => o.receiver.province === '西藏自治区')).toBe(true);
    expect(
      share(orders, (o) => ['新疆维吾尔自治区', '西藏自治区', '青海省'].includes(o.receiver.province)),
    ).toBeGreaterThan(0.005);
    expect(share(orders, (o) => o.receiver.province === '广东省')).toBeGreaterThan(
      share(orders, (o) => o.receiver.province === '甘肃省') * 3,
    );
  });

  it('writes remarks with carrier requests, codes, delivery notes, urgency, invoices and noise', () => {
    for (const words of [
      '发顺丰',
      '京东',
      'EMS',
      '{W:SF}',
      '{OK}',
      '不要放驿站',
      '放门卫',
      '加急',
      '先别发',
      '税号',
      '😊',
    ]) {
      expect(remarks, words).toContain(words);
    }
    expect(share(orders, (o) => o.buyerMessage !== '')).toBeGreaterThan(0.15);
    expect(share(orders, (o) => o.invoiceRequested)).toBeGreaterThan(0.005);
    expect(share(orders, (o) => o.sellerFlag !== 'none')).toBeGreaterThan(0.02);
  });
});
