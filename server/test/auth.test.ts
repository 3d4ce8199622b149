import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

describe('API keys and roles', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('answers 401 without a key, or with a key that is not valid', async () => {
    const none = await server.call('GET', '/api/v1/clients', { key: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    const bad = await server.call('GET', '/api/v1/clients', { key: `og_aaaaaaaaaaaa_${'x'.repeat(43)}` });
    expect(bad.status).toBe(401);
    const other = await server.call('GET', '/api/v1/clients', { key: 'just-a-guess' });
    expect(other.status).toBe(401);
  });

  it('takes the key as a bearer token or in X-API-Key', async () => {
    const viewer = await server.keyFor('viewer');
    expect((await server.call('GET', '/api/v1/clients', { key: viewer })).status).toBe(200);
    const header = await server.call('GET', '/api/v1/clients', {
      key: null,
      headers: { 'x-api-key': viewer },
    });
    expect(header.status).toBe(200);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await server.keyFor('viewer');
    expect((await server.call('GET', '/api/v1/clients/demo/strategies/tags', { key: viewer })).status).toBe(
      200,
    );
    const write = await server.call('DELETE', '/api/v1/clients/demo/strategies/tags', {
      key: viewer,
      headers: { 'if-match': '*' },
    });
    expect(write.status).toBe(403);
    expect(write.body.error).toMatchObject({ code: 'forbidden' });
    expect(write.body.error.message).toContain('strategy:write');
  });

  it('answers 403 for a client outside the key', async () => {
    const elsewhere = await server.keyFor('consultant', ['other-client']);
    const answer = await server.call('GET', '/api/v1/clients/demo', { key: elsewhere });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('not for client "demo"');
    const list = await server.call('GET', '/api/v1/clients', { key: elsewhere });
    expect(list.body.clients).toEqual([]);
  });

  it('lets only the OMS (service) and admins decide for real; others dry-run', async () => {
    const order = {
      id: 'A-1',
      platform: 'tmall',
      createdAt: '2026-11-11T00:00:00+08:00',
      amounts: { total: 1 },
      receiver: {},
      lines: [{ sku: 'X', qty: 1, price: 1 }],
    };
    const developer = await server.keyFor('developer');
    const live = await server.call('POST', '/api/v1/clients/demo/evaluate', {
      key: developer,
      body: { order },
    });
    expect(live.status).toBe(403);
    expect(live.body.error.message).toContain('dryRun');
    const dry = await server.call('POST', '/api/v1/clients/demo/evaluate', {
      key: developer,
      body: { order, dryRun: true },
    });
    expect(dry.status).toBe(200);
    const service = await server.keyFor('service', ['demo']);
    expect(
      (await server.call('POST', '/api/v1/clients/demo/evaluate', { key: service, body: { order } })).status,
    ).toBe(200);
    expect((await server.call('GET', '/api/v1/clients/demo/strategies', { key: service })).status).toBe(403);
  });

  it('keeps key management to admins for all clients, and revokes keys at once', async () => {
    const consultant = await server.keyFor('consultant');
    expect((await server.call('GET', '/api/v1/keys', { key: consultant })).status).toBe(403);
    const scopedAdmin = await server.keyFor('admin', ['demo']);
    expect((await server.call('GET', '/api/v1/keys', { key: scopedAdmin })).status).toBe(403);
    const keys = await server.call('GET', '/api/v1/keys');
    expect(keys.status).toBe(200);
    expect(JSON.stringify(keys.body)).not.toContain('hash');
    const keyId = consultant.split('_')[1];
    expect((await server.call('DELETE', `/api/v1/keys/${keyId}`)).status).toBe(204);
    expect((await server.call('GET', '/api/v1/clients', { key: consultant })).status).toBe(401);
  });
});

describe('authentication failures', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ authFailureLimit: 3 });
  });
  afterAll(() => server.stop());

  const guess = (keyId: string) => `og_${keyId}_${'x'.repeat(43)}`;

  it('answer 429 after too many with one key prefix from one address, with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await server.call('GET', '/api/v1/clients', { key: guess('aaaaaaaaaaaa') })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await server.call('GET', '/api/v1/clients', { key: guess('aaaaaaaaaaaa') });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_auth_failures');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another prefix from the same address is counted apart.
    expect((await server.call('GET', '/api/v1/clients', { key: guess('bbbbbbbbbbbb') })).status).toBe(401);
  });

  it('never hold back a key that authenticates, whatever its address or key id went through', async () => {
    for (let i = 0; i < 5; i++) await server.call('GET', '/api/v1/clients', { key: 'wrong-key' });
    for (let i = 0; i < 5; i++) await server.call('GET', '/api/v1/clients', { key: null });
    expect((await server.call('GET', '/api/v1/clients', { key: 'wrong-key' })).status).toBe(429);
    expect((await server.call('GET', '/api/v1/clients', { key: null })).status).toBe(429);
    expect((await server.call('GET', '/api/v1/clients')).status).toBe(200);
    // Someone hammers a real key's id with bad secrets: the key itself still works.
    const viewer = await server.keyFor('viewer');
    const [, keyId] = viewer.split('_');
    for (let i = 0; i < 5; i++) await server.call('GET', '/api/v1/clients', { key: guess(keyId!) });
    expect((await server.call('GET', '/api/v1/clients', { key: guess(keyId!) })).status).toBe(429);
    expect((await server.call('GET', '/api/v1/clients', { key: viewer })).status).toBe(200);
  });
});
