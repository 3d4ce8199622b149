import { create } from 'zustand';

const EMPTY: ReadonlySet<string> = new Set();

interface SelectionState {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** A request to bring a node into view (issue list, rule preview); the number makes repeats count. */
  focus: { nodeId: string; seq: number } | undefined;
  actions: {
    select(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
    /** React Flow's select changes: a map of id → selected. */
    apply(nodes: ReadonlyMap<string, boolean>, edges: ReadonlyMap<string, boolean>): void;
    focusNode(nodeId: string): void;
    /** Drops ids no longer in the document (deleted, undone): React Flow reports no deselection for them. */
    retain(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void;
    clear(): void;
  };
}

function toggled(current: ReadonlySet<string>, changes: ReadonlyMap<string, boolean>): ReadonlySet<string> {
  if (changes.size === 0) return current;
  const next = new Set(current);
  for (const [id, on] of changes) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  nodeIds: EMPTY,
  edgeIds: EMPTY,
  focus: undefined,
  actions: {
    select(nodeIds, edgeIds = []) {
      set({ nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds) });
    },
    apply(nodes, edges) {
      const { nodeIds, edgeIds } = get();
      set({ nodeIds: toggled(nodeIds, nodes), edgeIds: toggled(edgeIds, edges) });
    },
    focusNode(nodeId) {
      set({
        nodeIds: new Set([nodeId]),
        edgeIds: EMPTY,
        focus: { nodeId, seq: (get().focus?.seq ?? 0) + 1 },
      });
    },
    retain(nodes, edges) {
      const { nodeIds, edgeIds } = get();
      const keptNodes = [...nodeIds].filter((id) => nodes.has(id));
      const keptEdges = [...edgeIds].filter((id) => edges.has(id));
      if (keptNodes.length === nodeIds.size && keptEdges.length === edgeIds.size) return;
      set({ nodeIds: new Set(keptNodes), edgeIds: new Set(keptEdges) });
    },
    clear() {
      set({ nodeIds: EMPTY, edgeIds: EMPTY });
    },
  },
}));

export const useSelectedNodeIds = () => useSelectionStore((s) => s.nodeIds);
export const useSelectedEdgeIds = () => useSelectionStore((s) => s.edgeIds);
/** The one node the inspector shows: the only selected node, if exactly one is. */
export const useInspectedNodeId = () =>
  useSelectionStore((s) => (s.nodeIds.size === 1 ? [...s.nodeIds][0] : undefined));
export const useFocusRequest = () => useSelectionStore((s) => s.focus);
export const useSelectionActions = () => useSelectionStore((s) => s.actions);
