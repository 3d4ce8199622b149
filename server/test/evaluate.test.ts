import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardOrder } from './fixtures.ts';
import { SAMPLE_ORDERS, sampleOrder, TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

const MAX_BATCH = 10;

describe('evaluate', () => {
  let server: TestServer;
  let service: string;
  beforeAll(async () => {
    server = await TestServer.start({ maxBatch: MAX_BATCH });
    service = await server.keyFor('service', ['demo']);
  });
  afterAll(() => server.stop());

  it('decides a raw Tmall order, detecting its platform, with a trace back to the graph', async () => {
    const order = await sampleOrder('tmall-two-lines-presale.json');
    const answer = await server.call('POST', `${base}/evaluate`, { key: service, body: { order } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ clientId: 'demo', release: 1, dryRun: false, platform: 'tmall' });
    // The demo's strategies evolve: what is checked is the shape of a traced decision, not its content.
    expect(answer.body.decision).toMatchObject({
      orderId: '4012345678901234567',
      warehouse: expect.any(String),
    });
    const routing = answer.body.decision.trace.find(
      (t: { strategyId: string }) => t.strategyId === 'routing',
    );
    expect(routing.nodeIds[0]).toBe('start');
    expect(routing.event.type).toBe('route');
    expect(Object.keys(routing.facts).length).toBeGreaterThan(0);
  });

  it('leaves the trace out on request, and takes the platform when given', async () => {
    const order = await sampleOrder('jd-cod.json');
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order, platform: 'jd', trace: false },
    });
    expect(answer.body.platform).toBe('jd');
    expect(answer.body.decision.trace).toBeUndefined();
    expect(answer.body.decision.orderId).toBe('298765432101');
  });

  it('answers an order that cannot be read with 400 naming the field', async () => {
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      // An order with no lines is readable (an order-level export's); a line of no units is not.
      body: {
        order: standardOrder('BAD-1', { lines: [{ sku: 'A', qty: 0, price: 1 }] }),
        platform: 'standard',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('lines[0].qty');
  });

  it('names a page of a list API sent as one order, alone or in a batch, and where its orders are', async () => {
    const jd = await sampleOrder('jd-cod.json');
    const page = {
      jingdong_pop_order_search_responce: {
        code: '0',
        searchorderinfo_result: { apiResult: { success: true }, orderTotal: 2, orderInfoList: [jd, jd] },
      },
    };
    const alone = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: page, dryRun: true },
    });
    expect(alone.status).toBe(400);
    expect(alone.body.error).toMatchObject({ code: 'order_page' });
    expect(alone.body.error.message).toContain(
      'a page of 2 JD orders from jingdong.pop.order.search, not one order: its orders are at ' +
        '.jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList.',
    );
    const batch = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders: [jd, page], dryRun: true },
    });
    expect(batch.body.results[0].ok).toBe(true);
    expect(batch.body.results[1]).toMatchObject({ ok: false, error: { code: 'order_page', index: 1 } });
  });

  it('decides a batch in order; an unreadable order fails alone', async () => {
    // Sample orders of every platform, and room for the unreadable one.
    const files = (await readdir(SAMPLE_ORDERS))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .slice(-(MAX_BATCH - 1));
    const orders = await Promise.all(files.map(sampleOrder));
    orders.splice(2, 0, { nonsense: true });
    const answer = await server.call('POST', `${base}/evaluate/batch`, { key: service, body: { orders } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results).toHaveLength(orders.length);
    expect(answer.body.results.map((r: { index: number }) => r.index)).toEqual(orders.map((_, i) => i));
    expect(answer.body.results[2]).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(answer.body.results[0].decision.trace.length).toBeGreaterThan(0);
    const { counts } = answer.body;
    expect(counts.invalid).toBe(1);
    expect(counts.approved + counts.held + counts.flagged).toBe(files.length);
  });

  it('refuses a batch over the limit, naming the field', async () => {
    const orders = Array.from({ length: MAX_BATCH + 1 }, (_, i) => standardOrder(`B-${i}`));
    const answer = await server.call('POST', `${base}/evaluate/batch`, { key: service, body: { orders } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0].field).toBe('orders');
  });

  it('audits live decisions by order id, once: a retry gets the recorded decision, not dry runs', async () => {
    const first = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('AUD-1') },
    });
    expect(first.headers.get('idempotent-replay')).toBeNull();
    expect(first.body.replay).toBeUndefined();
    const retry = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('AUD-1') },
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    expect(retry.body.replay).toMatchObject({ release: 1, at: expect.any(String) });
    const { trace: _trace, events: _events, ...decided } = first.body.decision;
    expect(retry.body.decision).toEqual(decided);
    expect(retry.body.decision.events).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(retry.body.decision))).toBeLessThan(
      Buffer.byteLength(JSON.stringify(first.body.decision.events)),
    );
    await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('AUD-2'), dryRun: true },
    });
    const one = await server.call('GET', `${base}/audit/decisions?orderId=AUD-1`);
    expect(one.body.decisions).toHaveLength(1);
    expect(one.body.decisions[0]).toMatchObject({ orderId: 'AUD-1', release: 1, platform: 'standard' });
    expect(one.body.decisions[0].by).toContain('test service');
    expect(one.body.decisions[0].decision.trace).toBeUndefined();
    expect(retry.body.replay.at).toBe(one.body.decisions[0].at);
    expect((await server.call('GET', `${base}/audit/decisions?orderId=AUD-2`)).body.decisions).toEqual([]);
  });

  it('decides an order once when its retry arrives while the first is still being recorded', async () => {
    const send = () =>
      server.call('POST', `${base}/evaluate`, { key: service, body: { order: standardOrder('RACE-1') } });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get('idempotent-replay'))).toEqual([null, 'true', 'true']);
    const { trace: _trace, events: _events, ...decided } = answers[0]!.body.decision;
    for (const retry of answers.slice(1)) expect(retry.body.decision).toEqual(decided);
    const audited = await server.call('GET', `${base}/audit/decisions?orderId=RACE-1`);
    expect(audited.body.decisions).toHaveLength(1);
  });

  it('answers every element of a batch alone: non-objects, unreadable orders and repeats', async () => {
    const orders = [standardOrder('EL-1'), 'x', null, 42, [], { nonsense: true }, standardOrder('EL-1')];
    const answer = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders, dryRun: true },
    });
    expect(answer.status).toBe(200);
    const { results } = answer.body;
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    for (const index of [1, 2, 3, 4]) {
      expect(results[index].error).toMatchObject({ code: 'invalid_order', index });
    }
    expect(results[2].error.message).toContain('null');
    expect(results[5].error).toMatchObject({ code: expect.any(String), index: 5 });
    expect(answer.body.counts.invalid).toBe(5);
    // A dry run records nothing, so nothing is replayed.
    expect(results[6].replay).toBeUndefined();
    const live = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders: [standardOrder('EL-2'), null, standardOrder('EL-2')], trace: false },
    });
    expect(live.body.results[1].error).toMatchObject({ code: 'invalid_order', index: 1 });
    expect(live.body.results[0].replay).toBeUndefined();
    expect(live.body.results[2].replay).toMatchObject({ release: 1 });
    const { events: _events, ...summary } = live.body.results[0].decision;
    expect(live.body.results[0].decision.events.length).toBeGreaterThan(0);
    expect(live.body.results[2].decision).toEqual(summary);
    const audited = await server.call('GET', `${base}/audit/decisions?orderId=EL-2`);
    expect(audited.body.decisions).toHaveLength(1);
  });

  it('keeps counters, stock and buyer history, replaceable by the OMS', async () => {
    const before = await server.call('GET', `${base}/state`, { key: service });
    expect(before.body.buyers['b-001']).toBeGreaterThan(0);
    const pushed = await server.call('PUT', `${base}/state`, {
      key: service,
      body: { counters: {}, stock: { 'WH-SH': { 'CHANDO-CREAM-50G': 100 } }, buyers: {} },
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.stock['WH-SH']['CHANDO-CREAM-50G']).toBe(100);
    await server.call('POST', `${base}/evaluate`, { key: service, body: { order: standardOrder('ST-1') } });
    const after = await server.call('GET', `${base}/state`, { key: service });
    expect(after.body.buyers).toEqual({ 'b-001': 1 });
    await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('ST-2'), dryRun: true },
    });
    const untouched = await server.call('GET', `${base}/state`, { key: service });
    expect(untouched.body.buyers).toEqual({ 'b-001': 1 });
  });

  it('answers 409 for a client with nothing published, 404 for an unknown one', async () => {
    await server.call('POST', '/api/v1/clients', {
      body: { formatVersion: 1, id: 'fresh', name: 'Fresh' },
    });
    const fresh = await server.call('POST', '/api/v1/clients/fresh/evaluate', {
      body: { order: standardOrder('F-1') },
    });
    expect(fresh.status).toBe(409);
    expect(fresh.body.error.code).toBe('nothing_published');
    const ghost = await server.call('POST', '/api/v1/clients/ghost/evaluate', {
      body: { order: standardOrder('G-1') },
    });
    expect(ghost.status).toBe(404);
  });

  it('counts requests and decisions in Prometheus metrics', async () => {
    const metrics = await server.call('GET', '/metrics', { key: null });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(
      /ordergraph_evaluations_total\{status="(approved|held|flagged)",mode="live"\} \d+/,
    );
    expect(metrics.text).toMatch(/ordergraph_evaluations_total\{status="invalid",mode="live"\} 3/);
    expect(metrics.text).toContain(
      'ordergraph_http_requests_total{method="POST",route="/api/v1/clients/{clientId}/evaluate",status="200"}',
    );
    expect(metrics.text).toContain('ordergraph_http_request_duration_seconds_bucket');
  });
});
