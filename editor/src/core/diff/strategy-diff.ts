import type { GraphEdge, GraphNode, Strategy } from '../engine.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'same';

export interface NodeChange {
  id: string;
  kind: ChangeKind;
  before?: GraphNode;
  after?: GraphNode;
  /** What changed on a changed node: name, content fields (top level), kind. */
  fields: string[];
  /** The same, down to each value that differs: what it was and what it is. */
  values: ValueChange[];
}

/** One value that differs between two versions of a node, by its path (`content.rows.0.when.value`). */
export interface ValueChange {
  path: string;
  /** JSON text of the old and new value; absent where the path did not exist on that side. */
  before?: string;
  after?: string;
}

export interface EdgeChange {
  id: string;
  kind: Exclude<ChangeKind, 'changed' | 'moved'>;
  edge: GraphEdge;
}

export interface StrategyDiff {
  nodes: NodeChange[];
  edges: EdgeChange[];
  /** Document fields that changed: name, description, hit policy, tests. */
  meta: string[];
  counts: Record<ChangeKind, number>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function contentFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => !same(a[key], b[key])).map((key) => `content.${key}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Leaf by leaf, the values that differ; a leaf is a scalar, or a value the other side does not nest. */
export function valueChanges(before: unknown, after: unknown, path: string): ValueChange[] {
  if (same(before, after)) return [];
  if (isRecord(before) && isRecord(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => valueChanges(before[k], after[k], `${path}.${k}`));
  }
  return [
    {
      path,
      ...(before === undefined ? {} : { before: JSON.stringify(before) }),
      ...(after === undefined ? {} : { after: JSON.stringify(after) }),
    },
  ];
}

function compareNode(before: GraphNode, after: GraphNode): NodeChange {
  const fields = [
    ...(before.kind !== after.kind ? ['kind'] : []),
    ...(before.name !== after.name ? ['name'] : []),
    ...contentFields(before.content, after.content),
  ];
  const moved = before.position.x !== after.position.x || before.position.y !== after.position.y;
  const kind: ChangeKind = fields.length ? 'changed' : moved ? 'moved' : 'same';
  const values = [
    ...valueChanges(before.kind, after.kind, 'kind'),
    ...valueChanges(before.name, after.name, 'name'),
    ...valueChanges(before.content, after.content, 'content'),
  ];
  return { id: after.id, kind, before, after, fields, values };
}

/** Two versions of a strategy, node by node and edge by edge, matched by id. */
export function diffStrategies(before: Strategy, after: Strategy): StrategyDiff {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newIds = new Set(after.nodes.map((n) => n.id));
  const nodes: NodeChange[] = [
    ...after.nodes.map((n) => {
      const old = oldNodes.get(n.id);
      return old
        ? compareNode(old, n)
        : { id: n.id, kind: 'added' as const, after: n, fields: [], values: [] };
    }),
    ...before.nodes
      .filter((n) => !newIds.has(n.id))
      .map((n) => ({ id: n.id, kind: 'removed' as const, before: n, fields: [], values: [] })),
  ];
  const key = (e: GraphEdge) => `${e.source}|${e.sourceHandle ?? ''}|${e.target}`;
  const oldEdges = new Set(before.edges.map(key));
  const newEdges = new Set(after.edges.map(key));
  const edges: EdgeChange[] = [
    ...after.edges.map((e) => ({
      id: e.id,
      kind: oldEdges.has(key(e)) ? ('same' as const) : ('added' as const),
      edge: e,
    })),
    ...before.edges
      .filter((e) => !newEdges.has(key(e)))
      .map((e) => ({ id: e.id, kind: 'removed' as const, edge: e })),
  ];
  const meta = (['name', 'description', 'hitPolicy', 'family', 'tests'] as const).filter(
    (field) => !same(before[field], after[field]),
  );
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0, moved: 0, same: 0 };
  for (const n of nodes) counts[n.kind]++;
  return { nodes, edges, meta, counts };
}

export interface DiffGraph {
  graph: Strategy;
  nodeKinds: Map<string, ChangeKind>;
  edgeKinds: Map<string, ChangeKind>;
}

/**
 * One graph to draw a diff on: every node of the newer version, plus the removed ones where they
 * were, and the edges of both, each with how it changed. A removed edge whose id a kept edge
 * reuses gets a suffix.
 */
export function diffGraph(after: Strategy, diff: StrategyDiff): DiffGraph {
  const removedNodes = diff.nodes.filter((n) => n.kind === 'removed').map((n) => n.before!);
  const edgeIds = new Set(after.edges.map((e) => e.id));
  const nodeKinds = new Map(diff.nodes.map((n) => [n.id, n.kind]));
  const edgeKinds = new Map<string, ChangeKind>();
  const removedEdges = diff.edges
    .filter((e) => e.kind === 'removed')
    .map((e) => (edgeIds.has(e.edge.id) ? { ...e.edge, id: `${e.edge.id}~removed` } : e.edge));
  for (const e of diff.edges) if (e.kind !== 'removed') edgeKinds.set(e.id, e.kind);
  for (const e of removedEdges) edgeKinds.set(e.id, 'removed');
  return {
    graph: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    nodeKinds,
    edgeKinds,
  };
}
