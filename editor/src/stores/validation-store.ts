import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CompileResult, GraphIssue } from '../core/engine.ts';
import { EMPTY_ISSUES, type IssueIndex, indexIssues } from '../core/issues/issue-index.ts';

const NONE: GraphIssue[] = [];

interface ValidationState {
  result: CompileResult | undefined;
  index: IssueIndex;
  /** How long the last compile took, in ms: shown in the status bar. */
  ms: number;
  actions: {
    setResult(result: CompileResult, ms: number): void;
    reset(): void;
  };
}

export const useValidationStore = create<ValidationState>()((set) => ({
  result: undefined,
  index: EMPTY_ISSUES,
  ms: 0,
  actions: {
    setResult(result, ms) {
      set({ result, index: indexIssues(result.issues), ms });
    },
    reset() {
      set({ result: undefined, index: EMPTY_ISSUES, ms: 0 });
    },
  },
}));

export const useCompileResult = () => useValidationStore((s) => s.result);
export const useIssueIndex = () => useValidationStore((s) => s.index);
export const useCompileMs = () => useValidationStore((s) => s.ms);
export const useNodeIssues = (nodeId: string) =>
  useValidationStore((s) => s.index.byNode.get(nodeId) ?? NONE);
export const useEdgeIssues = (edgeId: string) =>
  useValidationStore((s) => s.index.byEdge.get(edgeId) ?? NONE);
/** Every issue that names a node, its own and its branches', for the inspector. */
export const useAllIssuesOfNode = (nodeId: string | undefined) =>
  useValidationStore(
    useShallow((s) => s.result?.issues.filter((i) => nodeId && i.nodeId === nodeId) ?? NONE),
  );
export const useValidationActions = () => useValidationStore((s) => s.actions);
