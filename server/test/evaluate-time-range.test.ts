import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOrder, TestServer } from './harness.ts';

/** Found by the route fuzz test: a JD order whose orderStartTime is finite but no Date (1.79e308) answered 500. */
describe('an order time beyond what a Date holds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('is refused as "not a time" with a 4xx by evaluate and evaluate/batch, never a 500', async () => {
    const order = { ...(await sampleOrder('jd-cod.json')), orderStartTime: Number.MAX_VALUE };
    const one = await server.call('POST', '/api/v1/clients/demo/evaluate', { body: { order, dryRun: true } });
    expect(one.status).toBe(400);
    expect(one.text).toMatch(/orderStartTime: .* is not a time/);
    const batch = await server.call('POST', '/api/v1/clients/demo/evaluate/batch', {
      body: { orders: [order], dryRun: true },
    });
    expect(batch.status).toBeLessThan(500);
    expect(batch.text).toMatch(/orderStartTime: .* is not a time/);
  });
});
