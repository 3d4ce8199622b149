import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardOrder } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';
const BATCH = 600;

/** A paid order of a mapped SKU (gift rules reach it) from a buyer of its own, so none merges. */
const order = (id: string, n: number) =>
  standardOrder(id, {
    shop: 'demo-tmall-flagship',
    amounts: { total: 189, paid: 189 },
    buyer: { id: `buyer-${id}`, nick: `买家${n}`, memberLevel: 1 },
    receiver: {
      name: '李*',
      phone: '139****1234',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: `文三路 90 号 ${n} 室`,
    },
    lines: [{ sku: 'CHANDO-0001', name: '自然堂套装', qty: 1, price: 189, weightKg: 0.8 }],
  });

describe('a shadow started while a batch is being decided', () => {
  let server: TestServer;
  let service: string;
  beforeAll(async () => {
    server = await TestServer.start();
    service = await server.keyFor('service', ['demo']);
  }, 60_000);
  afterAll(() => server.stop());

  const evaluate = (body: Record<string, unknown>, path = '/evaluate') =>
    server.call('POST', `${base}${path}`, { key: service, body: { platform: 'standard', ...body } });

  it('takes its copy of the state between two decisions: it neither misses an order nor counts one twice', async () => {
    // The first-hour mirror goes to the first 1000 orders; after the batch, two are left.
    const first = await evaluate({ order: order('SEED-0', 0) });
    const mirror = first.body.decision.consumed.find(
      (c: { kind: string; key: string }) => c.kind === 'counter' && c.key.includes('first-1000-mirror'),
    );
    const state = (await server.call('GET', `${base}/state`)).body;
    state.counters[mirror.key] = 998 - BATCH;
    expect((await server.call('PUT', `${base}/state`, { body: state })).status).toBe(200);

    // The shadow is put while the batch is being decided (it yields to other requests every few ms).
    const orders = Array.from({ length: BATCH }, (_, i) => order(`SEED-B${i}`, i + 1));
    const batch = evaluate({ orders, trace: false }, '/evaluate/batch');
    await sleep(40);
    const put = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'gifts', version: 1 }] } },
    });
    expect(put.status, put.text).toBe(200);
    expect((await batch).status).toBe(200);
    const during = (await server.call('GET', `${base}/shadow`)).body;
    // Seeded before the batch or after it, never in the middle of it.
    expect([0, BATCH]).toContain(during.orders);

    // The candidate is live's own gifts strategy: only a copy of the counter off by one would diverge.
    const mirrors: boolean[] = [];
    for (let n = 1; n <= 4; n++) {
      const answer = await evaluate({ order: order(`SEED-A${n}`, BATCH + n) });
      mirrors.push(answer.body.decision.gifts.some((g: { sku: string }) => g.sku === 'GIFT-MIRROR'));
    }
    expect(mirrors).toEqual([true, true, false, false]);
    const shadow = (await server.call('GET', `${base}/shadow`)).body;
    expect(shadow).toMatchObject({ orders: during.orders + 4, diverged: 0, errors: 0 });
  }, 60_000);

  it("follows a PUT of live's state: its copy is replaced too, after the orders decided before", async () => {
    const state = (await server.call('GET', `${base}/state`)).body;
    const mirrorKey = Object.keys(state.counters).find((key) => key.includes('first-1000-mirror'))!;
    // Every mirror went in the test above; an OMS gives two back.
    expect(state.counters[mirrorKey]).toBe(1000);
    state.counters[mirrorKey] = 998;
    expect((await server.call('PUT', `${base}/state`, { body: state })).status).toBe(200);

    const before = (await server.call('GET', `${base}/shadow`)).body;
    const mirrors: boolean[] = [];
    for (let n = 1; n <= 4; n++) {
      const answer = await evaluate({ order: order(`SEED-R${n}`, BATCH + 10 + n) });
      mirrors.push(answer.body.decision.gifts.some((g: { sku: string }) => g.sku === 'GIFT-MIRROR'));
    }
    expect(mirrors).toEqual([true, true, false, false]);
    // With its old copy (the cap used up) it would give none of the two, and diverge on both.
    const after = (await server.call('GET', `${base}/shadow`)).body;
    expect(after).toMatchObject({ orders: before.orders + 4, diverged: before.diverged, errors: 0 });
  }, 60_000);
});
