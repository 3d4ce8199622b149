import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagStrategy } from './fixtures.ts';
import { TestServer } from './harness.ts';

const path = (id: string) => `/api/v1/clients/demo/strategies/${id}`;

describe('strategies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('creates a draft at revision 1 with an ETag, and refuses a second one with its id', async () => {
    const created = await server.call('POST', '/api/v1/clients/demo/strategies', {
      body: tagStrategy('demo', 'vip'),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ clientId: 'demo', strategyId: 'vip', revision: 1, issues: [] });
    const again = await server.call('POST', '/api/v1/clients/demo/strategies', {
      body: tagStrategy('demo', 'vip'),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_exists');
  });

  it('saves on the current ETag and answers a stale one with 409 and the current revision', async () => {
    await server.call('POST', '/api/v1/clients/demo/strategies', { body: tagStrategy('demo', 'occ') });
    const read = await server.call('GET', path('occ'));
    const etag = read.headers.get('etag')!;
    const alice = await server.call('PUT', path('occ'), {
      body: tagStrategy('demo', 'occ', 'alice'),
      headers: { 'if-match': etag },
    });
    expect(alice.status).toBe(200);
    expect(alice.headers.get('etag')).toBe('"2"');
    const bob = await server.call('PUT', path('occ'), {
      body: tagStrategy('demo', 'occ', 'bob'),
      headers: { 'if-match': etag },
    });
    expect(bob.status).toBe(409);
    expect(bob.body.error).toMatchObject({ code: 'stale_revision', current: 2 });
    expect(bob.headers.get('etag')).toBe('"2"');
    const now = await server.call('GET', path('occ'));
    expect(now.body.strategy.nodes[1].content.params.tag).toBe('alice');
  });

  it('requires If-Match to replace or delete a draft', async () => {
    const put = await server.call('PUT', path('tags'), { body: tagStrategy('demo', 'tags') });
    expect(put.status).toBe(428);
    expect(put.body.error.code).toBe('precondition_required');
    const bad = await server.call('PUT', path('tags'), {
      body: tagStrategy('demo', 'tags'),
      headers: { 'if-match': 'yesterday' },
    });
    expect(bad.status).toBe(400);
  });

  it('answers a bad body with 400 and the path of every bad field', async () => {
    const doc = tagStrategy('demo', 'broken') as unknown as Record<string, unknown>;
    const answer = await server.call('POST', '/api/v1/clients/demo/strategies', {
      body: { ...doc, family: 'teleport', nodes: [{ kind: 'start' }], hitPolicy: undefined },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    const fields = answer.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['family', 'hitPolicy', 'nodes[0].id']));
  });

  it('refuses a body whose ids do not match the path', async () => {
    const answer = await server.call('PUT', path('tags'), {
      body: tagStrategy('other', 'nottags'),
      headers: { 'if-match': '*' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['clientId', 'id']);
  });

  it('answers 413 for a body over the limit, 400 for broken JSON, 415 for another media type', async () => {
    const huge = { ...tagStrategy('demo', 'huge'), description: 'x'.repeat(5 * 1024 * 1024) };
    const big = await server.call('POST', '/api/v1/clients/demo/strategies', { body: huge });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const broken = await server.call('POST', '/api/v1/clients/demo/strategies', {
      raw: '{"formatVersion": 1,',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const form = await server.call('POST', '/api/v1/clients/demo/strategies', {
      raw: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('checks ids in the path strictly', async () => {
    const slash = await server.call('GET', '/api/v1/clients/demo/strategies/..%2Fkeys');
    expect(slash.status).toBe(400);
    const spaced = await server.call('GET', '/api/v1/clients/demo/strategies/a%20b');
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.issues[0].field).toBe('strategyId');
    const operator = await server.call('GET', '/api/v1/clients/demo/audit/decisions?orderId[$ne]=x');
    expect(operator.status).toBe(400);
  });

  it('lists drafts, reports graph issues as data, and will not delete a live one', async () => {
    const list = await server.call('GET', '/api/v1/clients/demo/strategies');
    expect(list.body.strategies.map((s: { strategyId: string }) => s.strategyId)).toEqual(
      expect.arrayContaining(['approval', 'carrier', 'routing', 'tags']),
    );
    const dangling = tagStrategy('demo', 'dangling');
    dangling.edges.push({ id: 'e2', source: 'tag', target: 'nowhere' });
    const created = await server.call('POST', '/api/v1/clients/demo/strategies', { body: dangling });
    expect(created.status).toBe(201);
    expect(created.body.issues.map((i: { code: string }) => i.code)).toContain('dangling_edge');
    const live = await server.call('DELETE', path('tags'), { headers: { 'if-match': '*' } });
    expect(live.status).toBe(409);
    expect(live.body.error.code).toBe('strategy_live');
    expect((await server.call('DELETE', path('dangling'), { headers: { 'if-match': '"1"' } })).status).toBe(
      204,
    );
    expect((await server.call('GET', path('dangling'))).status).toBe(404);
  });
});
