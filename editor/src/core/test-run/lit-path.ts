import type { TraceEntry } from '../engine.ts';

/** The nodes and edges a decision went through in one strategy: what the canvas lights up. */
export interface LitPath {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

export function litPathOf(trace: readonly TraceEntry[] | undefined, strategyId: string): LitPath {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  for (const entry of trace ?? []) {
    if (entry.strategyId !== strategyId) continue;
    for (const id of entry.nodeIds) nodeIds.add(id);
    for (const id of entry.edgeIds) edgeIds.add(id);
  }
  return { nodeIds, edgeIds };
}
