import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Strategy } from '../core/engine.ts';
import { edgeIndex, nodeIndex, outgoingHandles } from '../core/graph/graph-indexes.ts';
import { createHistory, type History, record, redo, seal, undo } from '../core/history/history.ts';
import { ApiFailure } from '../infrastructure/api/api-error.ts';
import type { StrategyView } from '../infrastructure/api/api-types.ts';
import { getStrategy, saveStrategy } from '../infrastructure/api/ordergraph-api.ts';

/** Who saved the draft last and at which revision: the base the next save builds on. */
export interface DraftInfo {
  clientId: string;
  strategyId: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** Someone else saved the draft since it was opened here: shown as a dialog, never resolved silently. */
export interface SaveConflict {
  theirs: DraftInfo | undefined;
  message: string;
}

interface DocumentState {
  info: DraftInfo | undefined;
  history: History<Strategy> | undefined;
  /** The document as last saved (or loaded): the draft is dirty while the present is another object. */
  saved: Strategy | undefined;
  loading: boolean;
  loadError: string | undefined;
  saving: boolean;
  saveError: string | undefined;
  conflict: SaveConflict | undefined;
  actions: {
    load(clientId: string, strategyId: string): Promise<void>;
    open(view: StrategyView): void;
    /** Applies a change as one undo step; edits with the same key in quick succession merge. */
    edit(change: (doc: Strategy) => Strategy, key?: string): void;
    undo(): void;
    redo(): void;
    /** Ends a merging run of edits (drag stop, leaving a field). */
    seal(): void;
    save(): Promise<boolean>;
    /** After a conflict: save this draft over theirs, knowingly. */
    overwrite(): Promise<boolean>;
    /** After a conflict: drop the changes made here and load theirs. */
    reloadTheirs(): Promise<void>;
    dismissConflict(): void;
  };
}

const infoOf = (view: StrategyView): DraftInfo => ({
  clientId: view.clientId,
  strategyId: view.strategyId,
  revision: view.revision,
  updatedAt: view.updatedAt,
  updatedBy: view.updatedBy,
});

export const useDocumentStore = create<DocumentState>()((set, get) => {
  const write = async (revision: number | '*'): Promise<boolean> => {
    const { history } = get();
    if (!history) return false;
    const doc = history.present;
    set({ saving: true, saveError: undefined });
    try {
      const view = await saveStrategy(doc, revision);
      // Keep the object that was sent as "saved": edits made while saving stay dirty.
      set({ saving: false, info: infoOf(view), saved: doc, conflict: undefined });
      return true;
    } catch (error) {
      if (error instanceof ApiFailure && error.isConflict) {
        const theirs = await getStrategy(doc.clientId, doc.id).catch(() => undefined);
        set({
          saving: false,
          conflict: { theirs: theirs && infoOf(theirs), message: error.message },
        });
        return false;
      }
      set({ saving: false, saveError: (error as Error).message });
      return false;
    }
  };

  return {
    info: undefined,
    history: undefined,
    saved: undefined,
    loading: false,
    loadError: undefined,
    saving: false,
    saveError: undefined,
    conflict: undefined,
    actions: {
      async load(clientId, strategyId) {
        set({
          loading: true,
          loadError: undefined,
          history: undefined,
          info: undefined,
          conflict: undefined,
        });
        try {
          get().actions.open(await getStrategy(clientId, strategyId));
        } catch (error) {
          set({ loading: false, loadError: (error as Error).message });
        }
      },
      open(view) {
        set({
          info: infoOf(view),
          history: createHistory(view.strategy),
          saved: view.strategy,
          loading: false,
          loadError: undefined,
          saveError: undefined,
          conflict: undefined,
        });
      },
      edit(change, key) {
        const { history } = get();
        if (!history) return;
        const next = change(history.present);
        if (next !== history.present) set({ history: record(history, next, key) });
      },
      undo() {
        const { history } = get();
        if (history) set({ history: undo(history) });
      },
      redo() {
        const { history } = get();
        if (history) set({ history: redo(history) });
      },
      seal() {
        const { history } = get();
        if (history) set({ history: seal(history) });
      },
      save: () => write(get().info?.revision ?? '*'),
      overwrite: () => write(get().conflict?.theirs?.revision ?? '*'),
      async reloadTheirs() {
        const { info } = get();
        if (info) await get().actions.load(info.clientId, info.strategyId);
      },
      dismissConflict() {
        set({ conflict: undefined });
      },
    },
  };
});

const NO_HANDLES: string[] = [];

export const useOutgoingHandles = (nodeId: string) =>
  useDocumentStore(
    useShallow((s) =>
      s.history ? (outgoingHandles(s.history.present.edges).get(nodeId) ?? NO_HANDLES) : NO_HANDLES,
    ),
  );
export const useDoc = () => useDocumentStore((s) => s.history?.present);
export const useDocNode = (nodeId: string | undefined) =>
  useDocumentStore((s) => (s.history && nodeId ? nodeIndex(s.history.present.nodes).get(nodeId) : undefined));
export const useDocEdge = (edgeId: string) =>
  useDocumentStore((s) => (s.history ? edgeIndex(s.history.present.edges).get(edgeId) : undefined));
export const useDraftInfo = () => useDocumentStore((s) => s.info);
export const useDirty = () =>
  useDocumentStore((s) => s.history !== undefined && s.history.present !== s.saved);
export const useCanUndo = () => useDocumentStore((s) => (s.history?.past.length ?? 0) > 0);
export const useCanRedo = () => useDocumentStore((s) => (s.history?.future.length ?? 0) > 0);
export const useSaveState = () =>
  useDocumentStore(useShallow((s) => ({ saving: s.saving, error: s.saveError, conflict: s.conflict })));
export const useLoadState = () =>
  useDocumentStore(useShallow((s) => ({ loading: s.loading, error: s.loadError })));
export const useDocumentActions = () => useDocumentStore((s) => s.actions);
