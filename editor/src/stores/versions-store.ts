import { create } from 'zustand';
import type { Release, VersionSummary } from '../infrastructure/api/api-types.ts';

/** Which two documents the diff compares: a version number, or the draft being edited. */
export type DiffSide = number | 'draft';

interface VersionsState {
  strategyId: string | undefined;
  versions: VersionSummary[] | undefined;
  releases: Release[] | undefined;
  live: Release | undefined;
  busy: 'publishing' | 'rolling-back' | undefined;
  error: string | undefined;
  /** The outcome of the last publish or rollback, for a short confirmation. */
  notice: { kind: 'published' | 'rolled-back'; release: number; version?: number } | undefined;
  diff: { left: DiffSide; right: DiffSide } | undefined;
  actions: {
    loaded(
      strategyId: string,
      versions: VersionSummary[],
      releases: Release[],
      live: Release | undefined,
    ): void;
    setBusy(busy: VersionsState['busy']): void;
    failed(error: string | undefined): void;
    done(notice: NonNullable<VersionsState['notice']>): void;
    openDiff(left: DiffSide, right: DiffSide): void;
    closeDiff(): void;
    reset(): void;
  };
}

export const useVersionsStore = create<VersionsState>()((set) => ({
  strategyId: undefined,
  versions: undefined,
  releases: undefined,
  live: undefined,
  busy: undefined,
  error: undefined,
  notice: undefined,
  diff: undefined,
  actions: {
    loaded: (strategyId, versions, releases, live) => set({ strategyId, versions, releases, live }),
    setBusy: (busy) => set({ busy, error: undefined, notice: undefined }),
    failed: (error) => set({ error, busy: undefined }),
    done: (notice) => set({ notice, busy: undefined, error: undefined }),
    openDiff: (left, right) => set({ diff: { left, right } }),
    closeDiff: () => set({ diff: undefined }),
    reset: () =>
      set({
        strategyId: undefined,
        versions: undefined,
        releases: undefined,
        live: undefined,
        diff: undefined,
        notice: undefined,
      }),
  },
}));

export const useVersionList = () => useVersionsStore((s) => s.versions);
export const useReleases = () => useVersionsStore((s) => s.releases);
export const useLiveRelease = () => useVersionsStore((s) => s.live);
export const useVersionsBusy = () => useVersionsStore((s) => s.busy);
export const useVersionsError = () => useVersionsStore((s) => s.error);
export const useVersionsNotice = () => useVersionsStore((s) => s.notice);
export const useDiffSelection = () => useVersionsStore((s) => s.diff);
export const useVersionsActions = () => useVersionsStore((s) => s.actions);
