import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

describe('errors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('answers an unknown route with 404 as JSON', async () => {
    const answer = await server.call('GET', '/api/v1/nowhere');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  it('answers a fault with 500 and a request id, never a stack, a file or a path', async () => {
    // A document broken by hand in the workspace: the store refuses to read it.
    const dir = join(server.dataDir, 'clients/broken');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'client.json'), '{"clientId": "broken", "revision": ');
    const answer = await server.call('GET', '/api/v1/clients/broken');
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('store_corrupt');
    expect(answer.body.error.requestId).toBe(answer.headers.get('x-request-id'));
    expect(answer.text).not.toContain(server.dataDir);
    expect(answer.text).not.toMatch(/client\.json|\.ts:\d+|at \w+ \(/);
  });

  it('answers a path that does not decode with 400, not 500', async () => {
    const answer = await server.call('GET', '/api/v1/clients/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_request');
  });

  it('sets security headers and no framework banner', async () => {
    const answer = await server.call('GET', '/healthz', { key: null });
    expect(answer.body).toEqual({ status: 'ok', store: 'embedded', state: 'memory' });
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
