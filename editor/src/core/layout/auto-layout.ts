import { Graph, layout } from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from '../engine.ts';
import type { Size } from '../graph/flow-types.ts';

const FALLBACK: Size = { width: 220, height: 90 };

/**
 * Left-to-right layers from start, as consultants read a strategy: dagre ranks the nodes, and
 * edges keep their branch order so "yes" stays above "no". Returns top-left positions.
 */
export function autoLayout(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  sizes: ReadonlyMap<string, Size> = new Map(),
): Map<string, { x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    const size = sizes.get(node.id) ?? FALLBACK;
    graph.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  layout(graph);
  const out = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const size = sizes.get(node.id) ?? FALLBACK;
    out.set(node.id, { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) });
  }
  return out;
}
