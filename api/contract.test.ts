import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ApiFailure } from '../editor/src/infrastructure/api/api-error.ts';
import { setApiKey } from '../editor/src/infrastructure/api/http.ts';
import * as editorApi from '../editor/src/infrastructure/api/ordergraph-api.ts';
import { TestServer } from '../server/test/harness.ts';
import {
  ClientList,
  ClientRecordSchema,
  ErrorSchema,
  ReleaseList,
  ReleaseSchema,
  StrategyList,
  StrategyViewDoc,
  VersionList,
  VersionRecordSchema,
} from './index.ts';

/**
 * The editor's API client against a real server: every request body it sends passes the server's
 * validation, and every answer it reads is exactly what the shared schema its types come from describes.
 */

/** The schema reads the whole answer: nothing fails, nothing unknown is dropped, no default fills a gap. */
function expectDocument(schema: z.ZodType, value: unknown): void {
  expect(schema.parse(value)).toEqual(value);
}

async function failureOf(call: Promise<unknown>): Promise<ApiFailure> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

describe('the editor’s API client and the server', () => {
  let server: TestServer;
  const serverFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await TestServer.start();
    // The client fetches same-origin paths, as it does in the page the server serves.
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) =>
      serverFetch(new URL(path, server.running.url), init),
    );
    setApiKey(server.adminKey);
  });
  afterAll(async () => {
    setApiKey(undefined);
    vi.unstubAllGlobals();
    await server.stop();
  });

  it('agree on clients, strategy summaries and drafts', async () => {
    await editorApi.checkKey(server.adminKey);
    expectDocument(ClientList, { clients: await editorApi.listClients() });
    expectDocument(ClientRecordSchema, await editorApi.getClient('demo'));
    const strategies = await editorApi.listStrategies('demo');
    expectDocument(StrategyList, { strategies });
    expect(strategies.map((s) => s.strategyId)).toContain('tags');
    expectDocument(StrategyViewDoc, await editorApi.getStrategy('demo', 'tags'));
  });

  it('agree on creating and saving drafts, and on the error envelope of a stale save', async () => {
    const draft = await editorApi.getStrategy('demo', 'tags');
    const created = await editorApi.createStrategy('demo', { ...draft.strategy, id: 'tags-copy' });
    expectDocument(StrategyViewDoc, created);
    expect(created.revision).toBe(1);

    const saved = await editorApi.saveStrategy(draft.strategy, draft.revision);
    expectDocument(StrategyViewDoc, saved);
    expect(saved.revision).toBe(draft.revision + 1);

    const stale = await failureOf(editorApi.saveStrategy(draft.strategy, draft.revision));
    expect(stale.isConflict).toBe(true);
    expectDocument(ErrorSchema, { error: stale.details });
    expect(stale.details.current).toBe(saved.revision);
    expect(stale.etag).toBe(`"${saved.revision}"`);
  });

  it('agree on versions, releases, publish and rollback', async () => {
    const draft = await editorApi.getStrategy('demo', 'tags');
    const version = await editorApi.cutVersion('demo', 'tags', 'contract', draft.revision);
    expectDocument(VersionRecordSchema, version);
    expectDocument(VersionList, { versions: await editorApi.listVersions('demo', 'tags') });
    expectDocument(VersionRecordSchema, await editorApi.getVersion('demo', 'tags', version.version));

    const live = await editorApi.getLive('demo');
    expectDocument(ReleaseSchema, live);
    const refused = await failureOf(
      editorApi.publish('demo', [{ strategyId: '../tags', version: version.version }], live!.release, ''),
    );
    expect(refused.status).toBe(400);
    expectDocument(ErrorSchema, { error: refused.details });
    expect(refused.details.issues).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/strategyId/) }),
    ]);

    const published = await editorApi.publish(
      'demo',
      [{ strategyId: 'tags', version: version.version }],
      live!.release,
      'contract',
    );
    expectDocument(ReleaseSchema, published);
    expect(published).toMatchObject({ release: live!.release + 1, action: 'publish', note: 'contract' });
    expectDocument(ReleaseList, { releases: await editorApi.listReleases('demo') });

    const rolledBack = await editorApi.rollback('demo', published.release, live!.release, 'contract');
    expectDocument(ReleaseSchema, rolledBack);
    expect(rolledBack).toMatchObject({ action: 'rollback', restored: live!.release });
  });
});
