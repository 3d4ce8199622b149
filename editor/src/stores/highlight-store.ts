import { create } from 'zustand';

const EMPTY: ReadonlySet<string> = new Set();

/** What the canvas lights up: a rule's nodes from the compile preview, or the path a test order took. */
export type HighlightSource = 'rule' | 'trace';

/** The nodes and edges one side of a comparison went through. */
export interface SidePath {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

/** Which of a changed order's two paths a node or edge is on: live's, the draft's, or both. */
export type TraceSide = 'baseline' | 'candidate' | 'both';

interface HighlightState {
  source: HighlightSource | undefined;
  /** The rule name lit from the compile preview. */
  rule: string | undefined;
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** A changed order's two paths, lit in two colours instead of one path. */
  compare: { baseline: SidePath; candidate: SidePath } | undefined;
  actions: {
    light(source: HighlightSource, nodeIds: Iterable<string>, edgeIds: Iterable<string>, rule?: string): void;
    lightCompare(baseline: SidePath, candidate: SidePath): void;
    clear(): void;
  };
}

export const useHighlightStore = create<HighlightState>()((set) => ({
  source: undefined,
  rule: undefined,
  nodeIds: EMPTY,
  edgeIds: EMPTY,
  compare: undefined,
  actions: {
    light(source, nodeIds, edgeIds, rule) {
      set({ source, rule, nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds), compare: undefined });
    },
    lightCompare(baseline, candidate) {
      set({
        source: undefined,
        rule: undefined,
        nodeIds: EMPTY,
        edgeIds: EMPTY,
        compare: { baseline, candidate },
      });
    },
    clear() {
      set({ source: undefined, rule: undefined, nodeIds: EMPTY, edgeIds: EMPTY, compare: undefined });
    },
  },
}));

function sideOf(inBaseline: boolean, inCandidate: boolean): TraceSide | undefined {
  if (inBaseline && inCandidate) return 'both';
  if (inBaseline) return 'baseline';
  return inCandidate ? 'candidate' : undefined;
}

export const useNodeLit = (nodeId: string) =>
  useHighlightStore((s) => (s.nodeIds.has(nodeId) ? s.source : undefined));
export const useEdgeLit = (edgeId: string) =>
  useHighlightStore((s) => (s.edgeIds.has(edgeId) ? s.source : undefined));
/** The node's side in a lit comparison, if any. */
export const useNodeSide = (nodeId: string) =>
  useHighlightStore((s) =>
    s.compare
      ? sideOf(s.compare.baseline.nodeIds.has(nodeId), s.compare.candidate.nodeIds.has(nodeId))
      : undefined,
  );
export const useEdgeSide = (edgeId: string) =>
  useHighlightStore((s) =>
    s.compare
      ? sideOf(s.compare.baseline.edgeIds.has(edgeId), s.compare.candidate.edgeIds.has(edgeId))
      : undefined,
  );
export const useComparing = () => useHighlightStore((s) => s.compare !== undefined);
export const useLitRule = () => useHighlightStore((s) => (s.source === 'rule' ? s.rule : undefined));
export const useHighlightActions = () => useHighlightStore((s) => s.actions);
