import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardOrder } from './fixtures.ts';
import { sampleOrder, TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

interface Sentence {
  kind: string;
  code: string;
  strategyId: string;
  nodeId: string;
  text: { zh: string; en: string };
}

describe('evaluate with explain', () => {
  let server: TestServer;
  let service: string;
  beforeAll(async () => {
    server = await TestServer.start({ maxBatch: 10 });
    service = await server.keyFor('service', ['demo']);
  });
  afterAll(() => server.stop());

  it('says why an unpaid order is held, at the demo check that sent it there, with the fact it read', async () => {
    const order = await sampleOrder('standard-unpaid.json');
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order, explain: true, trace: false, dryRun: true },
    });
    expect(answer.status).toBe(200);
    // Explaining reads the trace; the answer keeps it only when asked for.
    expect(answer.body.decision.trace).toBeUndefined();
    const held: Sentence = answer.body.explanations.find((e: Sentence) => e.code === 'unpaid');
    expect(held).toMatchObject({ kind: 'hold', strategyId: 'approval', nodeId: 'hold-unpaid' });
    expect(held.text.zh).toMatch(
      /^拦截：买家未付款或未付清（货到付款除外）（节点 未付款\/部分付款「是」：付款状态 = \w+/,
    );
    expect(held.text.en).toMatch(
      /^Held: 买家未付款或未付清（货到付款除外） \(node 未付款\/部分付款「yes」: Payment status = \w+/,
    );
    const kinds = answer.body.explanations.map((e: Sentence) => e.kind);
    expect(kinds.filter((k: string) => k === 'hold')).toHaveLength(answer.body.decision.holds.length);
  });

  it('names the warehouse and carrier of a clean order by their master-data names', async () => {
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: await sampleOrder('standard-hangzhou.json'), explain: true, dryRun: true },
    });
    const { decision, explanations } = answer.body;
    expect(decision.trace.length).toBeGreaterThan(0);
    const client = (await server.call('GET', `${base}`)).body.client;
    const warehouse = explanations.find((e: Sentence) => e.kind === 'warehouse');
    const name = client.warehouses.find((w: { id: string }) => w.id === decision.warehouse).name;
    expect(warehouse).toMatchObject({ code: decision.warehouse, strategyId: 'routing' });
    expect(warehouse.text.zh).toMatch(new RegExp(`^分仓：${name}（节点 `));
    const carrier = explanations.find((e: Sentence) => e.kind === 'carrier');
    expect(carrier).toMatchObject({ code: decision.carrier, strategyId: 'carrier' });
  });

  it('explains each decided order of a batch, and leaves explanations out when not asked', async () => {
    const orders = [
      await sampleOrder('standard-unpaid.json'),
      'x',
      await sampleOrder('standard-hangzhou.json'),
    ];
    const answer = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders, explain: true, dryRun: true },
    });
    const [unpaid, bad, clean] = answer.body.results;
    expect(unpaid.explanations.map((e: Sentence) => e.code)).toContain('unpaid');
    expect(bad).toMatchObject({ ok: false });
    expect(bad.explanations).toBeUndefined();
    expect(clean.explanations.some((e: Sentence) => e.kind === 'warehouse')).toBe(true);
    const plain = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: orders[0], dryRun: true },
    });
    expect(plain.body.explanations).toBeUndefined();
  });

  it('explains a replayed decision from its audit summary, naming the node that held it', async () => {
    const order = standardOrder('EXPLAIN-REPLAY-1', { payStatus: 'unpaid', paidAt: undefined });
    await server.call('POST', `${base}/evaluate`, { key: service, body: { order } });
    const retry = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order, explain: true },
    });
    expect(retry.body.replay).toBeDefined();
    const held = retry.body.explanations.find((e: Sentence) => e.code === 'unpaid');
    expect(held.text.zh).toBe('拦截：买家未付款或未付清（货到付款除外）（节点 拦截：未付款）');
  });

  it('documents explain and explanations in the OpenAPI document', async () => {
    const doc = (await server.call('GET', '/api/v1/openapi.json')).body;
    expect(doc.components.schemas.Evaluate.properties.explain.type).toBe('boolean');
    expect(doc.components.schemas.Explanation.properties.text.properties.zh.type).toBe('string');
  });
});
