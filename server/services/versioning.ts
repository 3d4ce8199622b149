import { compileStrategy } from '../../engine/compiler/index.ts';
import type { PluginManifest } from '../../plugins/sdk/index.ts';
import { ApiError } from '../errors/api-error.ts';
import { RevisionConflictError } from '../store/errors.ts';
import type { VersionRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { masterData } from './master-data.ts';
import { requireClient, requireStrategy } from './require.ts';

export interface CutVersion {
  /** The draft revision the caller looked at; a newer draft makes this 409. */
  revision?: number;
  note: string;
}

/**
 * Freezes a strategy's draft into its next immutable version: compiled against the client's
 * master data, with its rule JSON and source map. A draft with errors gets 422 and its issues.
 */
export async function cutVersion(
  store: Store,
  clientId: string,
  strategyId: string,
  request: CutVersion,
  author: string,
  /** The client's plugin manifests: plugin nodes must name an installed build and match it. */
  plugins: readonly PluginManifest[] = [],
): Promise<VersionRecord> {
  const client = await requireClient(store, clientId);
  const draft = await requireStrategy(store, clientId, strategyId);
  if (request.revision !== undefined && request.revision !== draft.revision) {
    throw new RevisionConflictError(
      `strategy "${strategyId}" of client "${clientId}"`,
      draft.revision,
      request.revision,
    );
  }
  const result = compileStrategy(draft.strategy, {
    client: masterData(client.client),
    plugins: [...plugins],
  });
  if (!result.ok) {
    throw new ApiError(
      422,
      'strategy_invalid',
      `strategy "${strategyId}" has errors; fix them before cutting a version`,
      {
        issues: result.issues,
      },
    );
  }
  return store.versions.create({
    clientId,
    strategyId,
    author,
    note: request.note,
    draftRevision: draft.revision,
    strategy: result.strategy,
    compiled: result.compiled,
    issues: result.issues,
  });
}
