import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShadowDocSchema } from '../../api/schemas/shadow.ts';
import { standardOrder } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

const GUANGZHOU = {
  name: '李*',
  phone: '139****1234',
  province: '广东省',
  city: '广州市',
  district: '天河区',
  address: '天河路 1 号',
};

/**
 * Paid orders of a mapped SKU (approved, so gift rules reach them), of distinct buyers and addresses,
 * so none merges with another.
 */
function order(id: string, n: number, receiver?: typeof GUANGZHOU): Record<string, unknown> {
  const hangzhou = (standardOrder(id) as { receiver: typeof GUANGZHOU }).receiver;
  const to = receiver ?? hangzhou;
  return standardOrder(id, {
    shop: 'demo-tmall-flagship',
    amounts: { total: 189, paid: 189 },
    buyer: { id: `buyer-${id}`, nick: `买家${n}`, memberLevel: 1 },
    receiver: { ...to, address: `${to.address} ${n} 室` },
    lines: [{ sku: 'CHANDO-0001', name: '自然堂套装', qty: 1, price: 189, weightKg: 0.8 }],
  });
}

describe('shadow releases', () => {
  let server: TestServer;
  let service: string;
  let viewer: string;
  let consultant: string;

  /** Edits a draft of the demo client through the API, as the editor would. */
  // biome-ignore lint/suspicious/noExplicitAny: a strategy document edited as free JSON
  async function editDraft(strategyId: string, edit: (strategy: Record<string, any>) => void) {
    const draft = await server.call('GET', `${base}/strategies/${strategyId}`);
    const strategy = draft.body.strategy;
    edit(strategy);
    const saved = await server.call('PUT', `${base}/strategies/${strategyId}`, {
      body: strategy,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(saved.status, saved.text).toBe(200);
  }

  async function decide(body: Record<string, unknown>) {
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { platform: 'standard', ...body },
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  }

  beforeAll(async () => {
    server = await TestServer.start();
    service = await server.keyFor('service', ['demo']);
    viewer = await server.keyFor('viewer', ['demo']);
    consultant = await server.keyFor('consultant', ['demo']);
  }, 60_000);
  afterAll(() => server.stop());

  it('has no shadow until one is put, and is in the OpenAPI document', async () => {
    expect((await server.call('GET', `${base}/shadow`)).status).toBe(404);
    expect((await server.call('DELETE', `${base}/shadow`)).status).toBe(404);
    const doc = (await server.call('GET', '/api/v1/openapi.json', { key: null })).body;
    expect(Object.keys(doc.paths[`/clients/{clientId}/shadow`])).toEqual(['put', 'get', 'delete']);
  });

  it('refuses a candidate that does not compile with 422 naming it, and a viewer with 403', async () => {
    await editDraft('routing', (strategy) => {
      strategy.nodes
        .find((n: { id: string }) => n.id === 'route-nearest')
        .content.candidates.push('WH-NOWHERE');
    });
    const broken = await server.call('PUT', `${base}/shadow`, {
      key: consultant,
      body: { candidate: { strategies: [{ strategyId: 'routing', draft: true }] } },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('candidate_invalid');
    expect(broken.body.error.problems[0].strategyId).toBe('routing');
    const missing = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'routing', version: 99 }] } },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('no version 99');
    const viewerPut = await server.call('PUT', `${base}/shadow`, {
      key: viewer,
      body: { candidate: { strategies: [{ strategyId: 'routing', version: 1 }] } },
    });
    expect(viewerPut.status).toBe(403);
    expect((await server.call('GET', `${base}/shadow`)).status).toBe(404);
  });

  it('decides every live order again with the candidate and counts where it diverges', async () => {
    // The candidate ships from Shanghai whenever Shanghai covers the address; live takes the nearest.
    await editDraft('routing', (strategy) => {
      const nearest = strategy.nodes.find((n: { id: string }) => n.id === 'route-nearest');
      nearest.content.candidates = nearest.content.candidates.filter((w: string) => w !== 'WH-NOWHERE');
      const rank = nearest.content.steps.find((s: { step: string }) => s.step === 'rank');
      rank.by = 'priority';
      rank.priority = ['WH-SH', ...rank.priority.filter((w: string) => w !== 'WH-SH')];
    });
    const orders = [
      order('SH-1', 1),
      order('SH-2', 2, GUANGZHOU),
      order('SH-3', 3),
      order('SH-4', 4, GUANGZHOU),
      order('SH-5', 5, GUANGZHOU),
      order('SH-6', 6),
    ];
    // What live decides with no shadow, to check a shadow changes none of its answers.
    const alone = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders, platform: 'standard', dryRun: true, trace: false },
    });

    const put = await server.call('PUT', `${base}/shadow`, {
      key: consultant,
      body: { candidate: { strategies: [{ strategyId: 'routing', draft: true }] }, sample: 2 },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ status: 'running', release: 1, orders: 0, sampleLimit: 2 });
    expect(put.body.label).toBe('release 1 with routing draft');

    const live = [await decide({ order: orders[0] }), await decide({ order: orders[1] })];
    const batch = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders: orders.slice(2), platform: 'standard' },
    });
    expect(batch.status).toBe(200);
    const decisions = [
      ...live.map((a) => a.decision),
      ...batch.body.results.map((r: { decision: unknown }) => r.decision),
    ];
    const pick = (d: Record<string, unknown>) => ({
      status: d.status,
      warehouse: d.warehouse,
      carrier: d.carrier,
      holds: d.holds,
      gifts: d.gifts,
      tags: d.tags,
    });
    expect(decisions.map(pick)).toEqual(
      alone.body.results.map((r: { decision: Record<string, unknown> }) => pick(r.decision)),
    );
    // The premise: live ships Guangzhou orders from Guangzhou and Hangzhou ones from Shanghai.
    expect(decisions.map((d) => d.warehouse)).toEqual(['WH-SH', 'WH-GZ', 'WH-SH', 'WH-GZ', 'WH-GZ', 'WH-SH']);

    // Neither a dry run nor a replay of a decided order is live traffic.
    await decide({ order: order('SH-DRY', 7, GUANGZHOU), dryRun: true });
    const replay = await decide({ order: orders[1] });
    expect(replay.replay).toBeDefined();

    const read = await server.call('GET', `${base}/shadow`, { key: viewer });
    expect(read.status, read.text).toBe(200);
    const shadow = read.body;
    // Exactly the document the OpenAPI describes: nothing missing, nothing extra.
    expect(ShadowDocSchema.strict().parse(shadow)).toEqual(shadow);
    expect(shadow).toMatchObject({
      status: 'running',
      orders: 6,
      pending: 0,
      dropped: 0,
      errors: 0,
      otherRelease: 0,
    });
    expect(shadow.byKind.warehouse).toBe(3);
    expect(shadow.byKind.status).toBe(0);
    expect(shadow.diverged).toBe(3);
    // The latest two, with both decisions.
    expect(shadow.sample.map((s: { orderId: string }) => s.orderId)).toEqual(['SH-4', 'SH-5']);
    for (const divergence of shadow.sample) {
      expect(divergence.kinds).toContain('warehouse');
      expect(divergence.live.warehouse).toBe('WH-GZ');
      expect(divergence.shadow.warehouse).toBe('WH-SH');
      expect(Date.parse(divergence.at)).toBeGreaterThanOrEqual(Date.parse(put.body.since));
    }

    const stopped = await server.call('DELETE', `${base}/shadow`, { key: consultant });
    expect(stopped.status).toBe(200);
    expect(stopped.body.orders).toBe(6);
    expect((await server.call('GET', `${base}/shadow`)).status).toBe(404);
    await decide({ order: order('SH-AFTER', 8, GUANGZHOU) });
    expect((await server.call('GET', `${base}/shadow`)).status).toBe(404);
  }, 60_000);

  it('consumes caps in its own copy of the state, never in live', async () => {
    // The first-hour mirror goes to the first 1000 orders: two are left when the shadow starts.
    const first = await decide({ order: order('CAP-0', 10) });
    const mirror = first.decision.consumed.find(
      (c: { kind: string; key: string }) => c.kind === 'counter' && c.key.includes('first-1000-mirror'),
    );
    expect(mirror).toBeDefined();
    const state = (await server.call('GET', `${base}/state`)).body;
    state.counters[mirror.key] = 998;
    expect((await server.call('PUT', `${base}/state`, { body: state })).status).toBe(200);

    // The candidate is the live gifts strategy itself: any divergence is the state's doing.
    const put = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'gifts', version: 1 }] } },
    });
    expect(put.status, put.text).toBe(200);
    const mirrors: boolean[] = [];
    for (let n = 1; n <= 4; n++) {
      const answer = await decide({ order: order(`CAP-${n}`, 10 + n) });
      mirrors.push(answer.decision.gifts.some((g: { sku: string }) => g.sku === 'GIFT-MIRROR'));
    }
    expect(mirrors).toEqual([true, true, false, false]);
    const shadow = (await server.call('GET', `${base}/shadow`)).body;
    // Had it shared live's counter, or not consumed its own, it would give the mirror to other orders.
    expect(shadow).toMatchObject({ orders: 4, diverged: 0, sample: [] });
    expect(shadow.byKind.gifts).toBe(0);
    expect((await server.call('GET', `${base}/state`)).body.counters[mirror.key]).toBe(1000);
  }, 60_000);

  it('turns stale once live moves to another release, comparing none of its orders', async () => {
    const published = await server.call('POST', `${base}/publish`, {
      body: { strategies: [{ strategyId: 'tags', version: 1 }], note: 'same again' },
    });
    expect(published.status, published.text).toBe(201);
    await decide({ order: order('STALE-1', 20) });
    const shadow = (await server.call('GET', `${base}/shadow`)).body;
    expect(shadow).toMatchObject({ status: 'stale', release: 1, orders: 4, otherRelease: 1 });
    expect((await server.call('DELETE', `${base}/shadow`)).status).toBe(200);
  });
});
