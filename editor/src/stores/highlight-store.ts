import { create } from 'zustand';

const EMPTY: ReadonlySet<string> = new Set();

/** What the canvas lights up: a rule's nodes from the compile preview, or the path a test order took. */
export type HighlightSource = 'rule' | 'trace';

interface HighlightState {
  source: HighlightSource | undefined;
  /** The rule name lit from the compile preview. */
  rule: string | undefined;
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  actions: {
    light(source: HighlightSource, nodeIds: Iterable<string>, edgeIds: Iterable<string>, rule?: string): void;
    clear(): void;
  };
}

export const useHighlightStore = create<HighlightState>()((set) => ({
  source: undefined,
  rule: undefined,
  nodeIds: EMPTY,
  edgeIds: EMPTY,
  actions: {
    light(source, nodeIds, edgeIds, rule) {
      set({ source, rule, nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds) });
    },
    clear() {
      set({ source: undefined, rule: undefined, nodeIds: EMPTY, edgeIds: EMPTY });
    },
  },
}));

export const useNodeLit = (nodeId: string) =>
  useHighlightStore((s) => (s.nodeIds.has(nodeId) ? s.source : undefined));
export const useEdgeLit = (edgeId: string) =>
  useHighlightStore((s) => (s.edgeIds.has(edgeId) ? s.source : undefined));
export const useLitRule = () => useHighlightStore((s) => (s.source === 'rule' ? s.rule : undefined));
export const useHighlightActions = () => useHighlightStore((s) => s.actions);
