import type { GraphEdge, GraphNode, Strategy } from '../engine.ts';
import { uniqueId } from '../ids/unique-id.ts';

/** What Ctrl+C keeps: the chosen nodes and the edges between them, as plain domain data. */
export interface Clipboard {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyNodes(doc: Strategy, nodeIds: ReadonlySet<string>): Clipboard {
  return structuredClone({
    nodes: doc.nodes.filter((n) => nodeIds.has(n.id) && n.kind !== 'start'),
    edges: doc.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
  });
}

/**
 * The clipboard as new nodes and edges for `doc`: fresh ids, moved by `offset`, inner edges kept.
 * Start never travels: a strategy has one.
 */
export function pasteNodes(doc: Strategy, clip: Clipboard, offset: { x: number; y: number }): Clipboard {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const renamed = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const id = uniqueId(node.id.replace(/-\d+$/, ''), takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return {
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
  });
  const edges = clip.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = uniqueId(['e', source, edge.sourceHandle, target].filter(Boolean).join('-'), takenEdges);
    takenEdges.add(id);
    return [{ ...edge, id, source, target }];
  });
  return { nodes, edges };
}
