import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';
const json = { 'content-type': 'application/json' };

/** Raw TOP trade text, sent as it is: `tid` and `oid` are JSON numbers of 19 digits. */
const tradeText = () =>
  readFile(
    new URL('../../engine/order/adapters/fixtures/tmall-top-numeric-ids.json', import.meta.url),
    'utf8',
  );

describe('evaluate raw TOP trades with numeric 19-digit ids', () => {
  let server: TestServer;
  let service: string;
  beforeAll(async () => {
    server = await TestServer.start({ maxBatch: 10 });
    service = await server.keyFor('service', ['demo']);
  });
  afterAll(() => server.stop());

  it('decides one with every digit of the tid kept', async () => {
    const trade = await tradeText();
    expect(trade).toContain('"tid": 3456789012345678901,');
    const answer = await server.call('POST', `${base}/evaluate`, {
      key: service,
      headers: json,
      raw: `{"order": ${trade}, "dryRun": true}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ platform: 'tmall', decision: { orderId: '3456789012345678901' } });
    expect(answer.text).toContain('"orderId":"3456789012345678901"');
  });

  it('decides a batch of them, each under its own id', async () => {
    const trade = await tradeText();
    const second = trade.replace('3456789012345678901', '3456789012345678999');
    const answer = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      headers: json,
      raw: `{"orders": [${trade}, ${second}, {"tid": 1.5}], "dryRun": true}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { decision?: { orderId: string } }) => r.decision?.orderId)).toEqual([
      '3456789012345678901',
      '3456789012345678999',
      undefined,
    ]);
    expect(answer.body.results[2].error).toMatchObject({ code: 'order_invalid', field: 'tid' });
  });

  it('still reads a body with no long number, and refuses one that is not JSON', async () => {
    const ok = await server.call('POST', `${base}/evaluate`, {
      key: service,
      headers: json,
      raw: '{"order": {"tid": 12, "created": "2025-11-11 00:00:00", "orders": []}, "dryRun": true}',
    });
    expect(ok.status).toBe(400);
    expect(ok.body.error).toMatchObject({ field: 'orders.order' });
    const broken = await server.call('POST', `${base}/evaluate`, {
      key: service,
      headers: json,
      raw: '{"order": {"tid": 3456789012345678901,}}',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
  });
});
