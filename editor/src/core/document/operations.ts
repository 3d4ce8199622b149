import type { GraphEdge, GraphNode, Strategy } from '../engine.ts';
import { uniqueId } from '../ids/unique-id.ts';
import { type Path, setAt } from '../paths/content-path.ts';

/**
 * Every change the editor makes to a strategy document, as pure functions from one document to
 * the next. Untouched nodes and edges keep their objects, which the canvas relies on.
 */

const idsOf = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id));

export function addNodes(
  doc: Strategy,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[] = [],
): Strategy {
  return { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] };
}

/** Removes the nodes, the edges, and every edge that touched a removed node. */
export function removeElements(
  doc: Strategy,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): Strategy {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

export function moveNodes(doc: Strategy, moves: ReadonlyMap<string, { x: number; y: number }>): Strategy {
  if (moves.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const to = moves.get(n.id);
      return to && (to.x !== n.position.x || to.y !== n.position.y)
        ? { ...n, position: { x: to.x, y: to.y } }
        : n;
    }),
  };
}

/**
 * Adds an edge unless the same branch already leads to the same node. Its id names the branch:
 * `e-cond-1-true-tag-1` reads well in a trace and a diff.
 */
export function connect(doc: Strategy, edge: Omit<GraphEdge, 'id'>): { doc: Strategy; edgeId?: string } {
  if (edge.source === edge.target) return { doc };
  const handle = edge.sourceHandle ?? null;
  const same = doc.edges.find(
    (e) => e.source === edge.source && e.target === edge.target && (e.sourceHandle ?? null) === handle,
  );
  if (same) return { doc };
  const id = uniqueId(['e', edge.source, handle, edge.target].filter(Boolean).join('-'), idsOf(doc.edges));
  return { doc: { ...doc, edges: [...doc.edges, { id, ...edge }] }, edgeId: id };
}

function updateNode(doc: Strategy, nodeId: string, update: (node: GraphNode) => GraphNode): Strategy {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== nodeId) return n;
    const next = update(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function renameNode(doc: Strategy, nodeId: string, name: string): Strategy {
  return updateNode(doc, nodeId, (n) => (n.name === name ? n : { ...n, name }));
}

export function setContentAt(doc: Strategy, nodeId: string, path: Path, value: unknown): Strategy {
  return updateNode(doc, nodeId, (n) => ({ ...n, content: setAt(n.content, path, value) }));
}

/** Renames a node's id and every edge that names it; false when the id is taken. */
export function renameNodeId(doc: Strategy, from: string, to: string): Strategy | undefined {
  if (from === to) return doc;
  if (doc.nodes.some((n) => n.id === to)) return undefined;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === from ? { ...n, id: to } : n)),
    edges: doc.edges.map((e) =>
      e.source === from || e.target === from
        ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
        : e,
    ),
  };
}

export type StrategyMeta = Pick<Strategy, 'name' | 'description' | 'hitPolicy'>;

export function setMeta(doc: Strategy, meta: Partial<StrategyMeta>): Strategy {
  return { ...doc, ...meta };
}
