import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

describe('a DATA_DIR deleted under a running server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop().catch(() => undefined));

  it('turns /healthz to 503 instead of answering ok over a workspace that is gone', async () => {
    expect((await server.call('GET', '/healthz', { key: null })).status).toBe(200);
    await rm(server.dataDir, { recursive: true, force: true });
    const answer = await server.call('GET', '/healthz', { key: null });
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      status: 'unavailable',
      store: 'embedded',
      state: 'memory',
      unavailable: ['store'],
    });
  });
});
