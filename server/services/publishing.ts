import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { compileStrategy } from '../../engine/compiler/index.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { RevisionConflictError } from '../store/errors.ts';
import type { Release, ReleaseEntry } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { masterData } from './master-data.ts';
import { requireClient } from './require.ts';

export interface PublishRequest {
  strategies: ReleaseEntry[];
  /** merge: these versions replace those strategies' live ones; replace: they become the whole pipeline. */
  mode: 'merge' | 'replace';
  /** The live release the caller saw; another publish since then makes this 409. */
  expectedRelease?: number;
  note: string;
}

export interface RollbackRequest {
  /** The release whose strategies come back; the one before the live one when not given. */
  toRelease?: number;
  expectedRelease?: number;
  note: string;
}

const byStrategy = (a: ReleaseEntry, b: ReleaseEntry) => (a.strategyId < b.strategyId ? -1 : 1);

function checkExpected(clientId: string, live: Release | undefined, expected: number | undefined): number {
  const current = live?.release ?? 0;
  if (expected !== undefined && expected !== current) {
    throw new RevisionConflictError(`the live pipeline of client "${clientId}"`, current, expected);
  }
  return current;
}

/**
 * Publishes versions as the client's new live pipeline. Every version must exist and still
 * compile against the client's current master data (a warehouse removed since the version was cut
 * would otherwise go live unnoticed); the switch itself is one atomic write in the store.
 */
export async function publish(
  store: Store,
  clientId: string,
  request: PublishRequest,
  by: string,
  /** The client's plugins: each version's plugin nodes must match an installed build, and run together. */
  plugins?: PluginRegistry,
): Promise<Release> {
  const client = await requireClient(store, clientId);
  const manifests = plugins ? await plugins.manifests(clientId) : [];
  const live = await store.releases.live(clientId);
  const current = checkExpected(clientId, live, request.expectedRelease);
  const ids = request.strategies.map((s) => s.strategyId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new ApiError(400, 'duplicate_strategy', `strategy "${duplicate}" is named twice`);
  const kept =
    request.mode === 'merge' ? (live?.strategies ?? []).filter((s) => !ids.includes(s.strategyId)) : [];
  const strategies = [...kept, ...request.strategies].sort(byStrategy);
  const problems: Record<string, unknown>[] = [];
  for (const entry of request.strategies) {
    const version = await store.versions.get(clientId, entry.strategyId, entry.version);
    if (!version) {
      problems.push({ ...entry, message: `strategy "${entry.strategyId}" has no version ${entry.version}` });
      continue;
    }
    const result = compileStrategy(version.strategy, {
      client: masterData(client.client),
      plugins: manifests,
    });
    if (!result.ok)
      problems.push({ ...entry, message: 'no longer compiles against the client', issues: result.issues });
  }
  if (problems.length === 0 && plugins) {
    for (const issue of await plugins.planIssues(clientId, await compiledOf(store, clientId, strategies))) {
      const { strategyId, nodeId, code, message } = issue;
      problems.push({ strategyId, nodeId, code, message });
    }
  }
  if (problems.length > 0) {
    throw new ApiError(422, 'publish_invalid', 'some versions cannot go live; nothing was published', {
      problems,
    });
  }
  return store.releases.publish(clientId, { action: 'publish', strategies, by, note: request.note }, current);
}

/** The compiled strategies of a release's entries (a missing version is reported before this runs). */
async function compiledOf(
  store: Store,
  clientId: string,
  entries: readonly ReleaseEntry[],
): Promise<CompiledStrategy[]> {
  const compiled: CompiledStrategy[] = [];
  for (const { strategyId, version } of entries) {
    const record = await store.versions.get(clientId, strategyId, version);
    if (record) compiled.push(record.compiled);
  }
  return compiled;
}

/** Makes an earlier release's strategies live again, as a new release (history only grows). */
export async function rollback(
  store: Store,
  clientId: string,
  request: RollbackRequest,
  by: string,
): Promise<Release> {
  await requireClient(store, clientId);
  const live = await store.releases.live(clientId);
  if (!live)
    throw new ApiError(409, 'nothing_published', `client "${clientId}" has nothing published to roll back`);
  const current = checkExpected(clientId, live, request.expectedRelease);
  const target = request.toRelease ?? current - 1;
  if (target < 1)
    throw new ApiError(
      409,
      'no_earlier_release',
      `release ${current} is the first; there is nothing before it`,
    );
  const restored = await store.releases.get(clientId, target);
  if (!restored) throw notFound(`release ${target} of client "${clientId}"`);
  return store.releases.publish(
    clientId,
    { action: 'rollback', restored: target, strategies: restored.strategies, by, note: request.note },
    current,
  );
}
