import { useMemo } from 'react';
import { nodeKind, type OutputBranch } from '../../core/engine.ts';
import { useDocNode, useOutgoingHandles } from '../../stores/document-store.ts';
import { nodeOutputs } from './node-outputs.ts';

/** The branches a node shows handles for; recomputed only when its content or its edges change. */
export function useNodeOutputs(nodeId: string): OutputBranch[] {
  const node = useDocNode(nodeId);
  const used = useOutgoingHandles(nodeId);
  return useMemo(() => nodeOutputs(node && nodeKind(node.kind), node?.content, used), [node, used]);
}
