import type { SidePath } from '../../stores/highlight-store.ts';
import type { FiredRule } from '../../stores/simulation-store.ts';

interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

/**
 * The nodes and edges of one strategy that a side's fired rules went through. A change records
 * each rule's nodes (its ancestry from start), not its edges; the compiler's ancestry takes every
 * edge between two of those nodes, so the same edges are found again in the graph on the canvas.
 * Edges are matched rule by rule: an edge between nodes of two different rules was not taken.
 */
export function firedPath(
  fired: readonly FiredRule[],
  strategyId: string,
  edges: readonly EdgeEnds[],
): SidePath {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  for (const rule of fired) {
    if (rule.strategyId !== strategyId) continue;
    const on = new Set(rule.nodeIds);
    for (const id of on) nodeIds.add(id);
    for (const edge of edges) if (on.has(edge.source) && on.has(edge.target)) edgeIds.add(edge.id);
  }
  return { nodeIds, edgeIds };
}
