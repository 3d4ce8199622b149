import { useCallback, useEffect } from 'react';
import { ApiFailure } from '../../infrastructure/api/api-error.ts';
import {
  cutVersion,
  getLive,
  listReleases,
  listVersions,
  publish,
  rollback,
} from '../../infrastructure/api/ordergraph-api.ts';
import { useDocumentStore, useDraftInfo } from '../../stores/document-store.ts';
import { useTestRunStore } from '../../stores/test-run-store.ts';
import { useVersionsActions } from '../../stores/versions-store.ts';

/** The strategy's versions, the client's releases and the live one; publish and rollback through the API. */
export function useVersions() {
  const info = useDraftInfo();
  const actions = useVersionsActions();

  const reload = useCallback(async () => {
    if (!info) return;
    try {
      const [versions, releases, live] = await Promise.all([
        listVersions(info.clientId, info.strategyId),
        listReleases(info.clientId),
        getLive(info.clientId),
      ]);
      actions.loaded(info.strategyId, versions, releases, live);
    } catch (error) {
      actions.failed((error as Error).message);
    }
  }, [info, actions]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Save if needed, cut a version of exactly what was saved, and make it live with the rest of the release. */
  const publishDraft = useCallback(
    async (note: string) => {
      const doc = useDocumentStore.getState();
      if (!doc.info) return false;
      actions.setBusy('publishing');
      if (doc.history && doc.history.present !== doc.saved && !(await doc.actions.save())) {
        actions.failed(useDocumentStore.getState().saveError ?? 'save');
        return false;
      }
      const { info: saved } = useDocumentStore.getState();
      if (!saved) return false;
      try {
        const version = await cutVersion(saved.clientId, saved.strategyId, note, saved.revision);
        const live = await getLive(saved.clientId);
        const release = await publish(
          saved.clientId,
          [{ strategyId: saved.strategyId, version: version.version }],
          live?.release ?? 0,
          note,
        );
        actions.done({ kind: 'published', release: release.release, version: version.version });
        // The test panel's pipeline is the live one: it changed.
        useTestRunStore.setState({ others: undefined });
        await reload();
        return true;
      } catch (error) {
        actions.failed(describe(error));
        await reload();
        return false;
      }
    },
    [actions, reload],
  );

  /** Back to a chosen release; `expectedRelease` is the live one the consultant saw, so a publish meanwhile is a 409. */
  const rollbackLive = useCallback(
    async (expectedRelease: number, toRelease: number, note: string): Promise<boolean> => {
      const info = useDocumentStore.getState().info;
      if (!info) return false;
      actions.setBusy('rolling-back');
      let ok = false;
      try {
        const release = await rollback(info.clientId, expectedRelease, toRelease, note);
        actions.done({ kind: 'rolled-back', release: release.release });
        useTestRunStore.setState({ others: undefined });
        ok = true;
      } catch (error) {
        actions.failed(describe(error));
      }
      await reload();
      return ok;
    },
    [actions, reload],
  );

  return { reload, publishDraft, rollbackLive };
}

function describe(error: unknown): string {
  if (error instanceof ApiFailure) {
    const issues = (error.details.issues as { message: string }[] | undefined)?.map((i) => i.message) ?? [];
    return [error.message, ...issues].join('\n');
  }
  return (error as Error).message;
}
