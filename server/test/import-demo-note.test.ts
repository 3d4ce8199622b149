import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

/** Found by the route fuzz test: a demo version's note showed the server's absolute path to the sample file. */
describe('the demo import', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('notes each version with its file relative to the demo folder, never a path on the server', async () => {
    const answer = await server.call('GET', '/api/v1/clients/demo/strategies/routing/versions');
    expect(answer.status).toBe(200);
    expect(answer.body.versions[0].note).toBe('imported from strategies/routing.strategy.json');
    expect(answer.text).not.toContain(process.cwd());
  });
});
