import type { GraphEdge, GraphNode } from '../engine.ts';

/**
 * Lookups over a document's node and edge lists, built once per list: snapshots share their lists
 * until they change, so 500 node components each finding themselves cost one map, not 500 scans.
 */
const indexes = new WeakMap<readonly GraphNode[], Map<string, GraphNode>>();
const edgeIndexes = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge>>();

export function nodeIndex(nodes: readonly GraphNode[]): Map<string, GraphNode> {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    indexes.set(nodes, index);
  }
  return index;
}

export function edgeIndex(edges: readonly GraphEdge[]): Map<string, GraphEdge> {
  let index = edgeIndexes.get(edges);
  if (!index) {
    index = new Map(edges.map((e) => [e.id, e]));
    edgeIndexes.set(edges, index);
  }
  return index;
}

const outgoingIndexes = new WeakMap<readonly GraphEdge[], Map<string, string[]>>();

/** The branch handles each node's outgoing edges use, by node id. */
export function outgoingHandles(edges: readonly GraphEdge[]): Map<string, string[]> {
  let index = outgoingIndexes.get(edges);
  if (!index) {
    index = new Map();
    for (const edge of edges) {
      if (!edge.sourceHandle) continue;
      const list = index.get(edge.source);
      if (list) list.push(edge.sourceHandle);
      else index.set(edge.source, [edge.sourceHandle]);
    }
    outgoingIndexes.set(edges, index);
  }
  return index;
}
