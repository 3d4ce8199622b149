import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardOrder, tagStrategy } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

describe('versions, publish and rollback', () => {
  let server: TestServer;
  const tagsOf = async (orderId: string) => {
    const answer = await server.call('POST', `${base}/evaluate`, {
      body: { order: standardOrder(orderId), dryRun: true },
    });
    return answer.body.decision.tags as string[];
  };

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  // What the demo client's own tag strategy says; the samples evolve, so it is read, not written down here.
  let demoTags: string[];
  let demoStrategies: number;

  it('started with the demo client published as release 1', async () => {
    const live = await server.call('GET', `${base}/live`);
    expect(live.body).toMatchObject({ release: 1, action: 'publish' });
    const ids = live.body.strategies.map((s: { strategyId: string }) => s.strategyId);
    expect(ids).toEqual(expect.arrayContaining(['approval', 'carrier', 'routing', 'tags']));
    expect(ids).toEqual([...ids].sort());
    demoStrategies = ids.length;
    demoTags = await tagsOf('P-0');
    expect(demoTags).not.toContain('canary');
  });

  it('cuts an immutable version with its rule JSON and source map', async () => {
    await server.call('PUT', `${base}/strategies/tags`, {
      body: tagStrategy('demo', 'tags', 'canary'),
      headers: { 'if-match': '"1"' },
    });
    const stale = await server.call('POST', `${base}/strategies/tags/versions`, { body: { revision: 1 } });
    expect(stale.status).toBe(409);
    const cut = await server.call('POST', `${base}/strategies/tags/versions`, {
      body: { note: 'canary', revision: 2 },
    });
    expect(cut.status).toBe(201);
    expect(cut.body).toMatchObject({ version: 2, draftRevision: 2, note: 'canary', strategyId: 'tags' });
    expect(cut.body.compiled.rules[0].event).toEqual({ type: 'tag', params: { tag: 'canary' } });
    expect(Object.values(cut.body.compiled.sourceMap)[0]).toMatchObject({ emitterId: 'tag' });
    expect(cut.body.author).toMatch(/first admin/);
    const list = await server.call('GET', `${base}/strategies/tags/versions`);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const one = await server.call('GET', `${base}/strategies/tags/versions/1`);
    expect(one.body.compiled.rules.length).toBeGreaterThan(1);
  });

  it('refuses to cut a version of a draft with errors, naming them', async () => {
    const broken = tagStrategy('demo', 'broken');
    broken.edges = [];
    await server.call('POST', `${base}/strategies`, { body: broken });
    const cut = await server.call('POST', `${base}/strategies/broken/versions`, { body: {} });
    expect(cut.status).toBe(422);
    expect(cut.body.error.code).toBe('strategy_invalid');
    expect(cut.body.error.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', nodeId: 'tag' }),
    );
  });

  it('publishes in one switch, refusing a stale expected release and missing versions', async () => {
    const missing = await server.call('POST', `${base}/publish`, {
      body: { strategies: [{ strategyId: 'tags', version: 9 }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.problems[0].message).toContain('no version 9');
    const stale = await server.call('POST', `${base}/publish`, {
      body: { strategies: [{ strategyId: 'tags', version: 2 }], expectedRelease: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toBe(1);
    const published = await server.call('POST', `${base}/publish`, {
      body: { strategies: [{ strategyId: 'tags', version: 2 }], expectedRelease: 1, note: 'canary tags' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ release: 2, action: 'publish', note: 'canary tags' });
    expect(published.body.strategies).toContainEqual({ strategyId: 'tags', version: 2 });
    expect(published.body.strategies).toHaveLength(demoStrategies);
    expect(await tagsOf('P-1')).toContain('canary');
  });

  it('rolls back as a new release and keeps who did what when', async () => {
    const consultant = await server.keyFor('consultant', ['demo']);
    const rolled = await server.call('POST', `${base}/rollback`, {
      key: consultant,
      body: { note: 'canary broke' },
    });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ release: 3, action: 'rollback', restored: 1 });
    expect(await tagsOf('P-2')).toEqual(demoTags);
    const history = await server.call('GET', `${base}/audit/releases`);
    expect(
      history.body.releases.map((r: { release: number; action: string; by: string }) => [
        r.release,
        r.action,
      ]),
    ).toEqual([
      [3, 'rollback'],
      [2, 'publish'],
      [1, 'publish'],
    ]);
    expect(history.body.releases[0].by).toContain('test consultant');
    const viewer = await server.keyFor('viewer');
    expect((await server.call('POST', `${base}/rollback`, { key: viewer, body: {} })).status).toBe(403);
  });

  it('replaces the whole live set in replace mode', async () => {
    const answer = await server.call('POST', `${base}/publish`, {
      body: { strategies: [{ strategyId: 'tags', version: 2 }], mode: 'replace' },
    });
    expect(answer.body.strategies).toEqual([{ strategyId: 'tags', version: 2 }]);
    expect(await tagsOf('P-3')).toEqual(['canary']);
  });
});
