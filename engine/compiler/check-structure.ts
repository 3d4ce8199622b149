import type { GraphIssue } from '../graph/issue.ts';
import type { GraphEdge, Strategy } from '../graph/schema.ts';
import type { CheckedNode } from './check-nodes.ts';

export interface OutEdge {
  edge: GraphEdge;
  /** Where the edge sits in `strategy.edges`, for issue paths. */
  index: number;
  handle: string;
  target: string;
}

export interface GraphShape {
  startId: string;
  outgoing: Map<string, OutEdge[]>;
  incoming: Map<string, OutEdge[]>;
  reachable: Set<string>;
}

// Every walk below keeps its own stack instead of recursing: a graph is user input, and a chain a
// few thousand nodes long would otherwise overflow the call stack (a RangeError, not an issue).
// Lookups go through maps built once, so checking stays linear in nodes plus edges.

function handleOf(
  edge: GraphEdge,
  source: CheckedNode,
  issues: GraphIssue[],
  at: string,
): string | undefined {
  const handles = source.outputs.map((o) => o.handle);
  const handle = edge.sourceHandle ?? (handles.length === 1 ? handles[0] : undefined);
  if (handle !== undefined && handles.includes(handle)) return handle;
  issues.push({
    code: 'unknown_handle',
    severity: 'error',
    edgeId: edge.id,
    nodeId: source.node.id,
    path: `${at}.sourceHandle`,
    message:
      handles.length === 0
        ? `${source.node.kind} "${source.node.id}" has no outgoing branches`
        : `edge leaves "${source.node.id}" by ${handle === undefined ? 'no branch' : `branch "${handle}"`}; choose one of ${handles.join(', ')}`,
  });
  return undefined;
}

function soleHandle(node: CheckedNode): string | undefined {
  return node.outputs.length === 1 ? node.outputs[0]!.handle : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function collectEdges(strategy: Strategy, nodes: Map<string, CheckedNode>, issues: GraphIssue[]) {
  const allIds = new Set(strategy.nodes.map((n) => n.id));
  const outgoing = new Map<string, OutEdge[]>();
  const incoming = new Map<string, OutEdge[]>();
  const seen = new Set<string>();
  strategy.edges.forEach((edge, index) => {
    const at = `edges[${index}]`;
    if (seen.has(edge.id)) {
      issues.push({
        code: 'duplicate_id',
        severity: 'error',
        edgeId: edge.id,
        path: `${at}.id`,
        message: `edge id "${edge.id}" is used twice`,
      });
      return;
    }
    seen.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!allIds.has(edge[end])) {
        issues.push({
          code: 'dangling_edge',
          severity: 'error',
          edgeId: edge.id,
          path: `${at}.${end}`,
          message: `edge "${edge.id}" points to missing node "${edge[end]}"`,
        });
      }
    }
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) return;
    if (!target.def.acceptsInput) {
      issues.push({
        code: 'edge_into_start',
        severity: 'error',
        edgeId: edge.id,
        nodeId: target.node.id,
        path: `${at}.target`,
        message: `nothing may lead into ${target.node.kind} "${target.node.id}"`,
      });
      return;
    }
    const handle = handleOf(edge, source, issues, at);
    if (handle === undefined) return;
    const out = { edge, index, handle, target: edge.target };
    push(outgoing, edge.source, out);
    push(incoming, edge.target, out);
  });
  return { outgoing, incoming, allIds };
}

/** A loop, as the node it starts at, the edge that closes it, and the nodes on it (a long one shortened). */
export interface Cycle {
  nodeId: string;
  closing: OutEdge;
  nodeIds: string[];
}

/** Node ids shown for one loop: a loop through thousands of nodes is named by its ends. */
const CYCLE_SHOWN = 12;

function cycleOf(path: readonly OutEdge[], from: number, closing: OutEdge): Cycle {
  const length = path.length - from + 1;
  const sourceAt = (i: number) => (from + i < path.length ? path[from + i]! : closing).edge.source;
  const ids =
    length <= CYCLE_SHOWN
      ? Array.from({ length }, (_, i) => sourceAt(i))
      : [
          ...Array.from({ length: CYCLE_SHOWN / 2 }, (_, i) => sourceAt(i)),
          `… ${length - CYCLE_SHOWN} more …`,
          ...Array.from({ length: CYCLE_SHOWN / 2 }, (_, i) => sourceAt(length - CYCLE_SHOWN / 2 + i)),
        ];
  return { nodeId: sourceAt(0), closing, nodeIds: [...ids, closing.target] };
}

/**
 * Finds one cycle through each back edge a depth-first walk meets. The walk keeps, for each node
 * on the current path, where its outgoing edge sits in `path`, so a back edge finds its cycle
 * without a search, and names it without copying it.
 */
export function findCycles(nodeIds: readonly string[], outgoing: Map<string, OutEdge[]>): Cycle[] {
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const path: OutEdge[] = [];
  const cycles: Cycle[] = [];
  for (const root of nodeIds) {
    if (done.has(root)) continue;
    const frames = [{ id: root, next: 0 }];
    onPath.set(root, 0);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const outs = outgoing.get(frame.id) ?? [];
      if (frame.next < outs.length) {
        const out = outs[frame.next++]!;
        const from = onPath.get(out.target);
        if (from !== undefined) cycles.push(cycleOf(path, from, out));
        else if (!done.has(out.target)) {
          path.push(out);
          onPath.set(out.target, path.length);
          frames.push({ id: out.target, next: 0 });
        }
      } else {
        frames.pop();
        onPath.delete(frame.id);
        done.add(frame.id);
        if (frames.length > 0) path.pop();
      }
    }
  }
  return cycles;
}

/** Every node a walk along `outgoing` from `startId` meets, start included. */
function reachableFrom(startId: string, outgoing: Map<string, OutEdge[]>): Set<string> {
  const reachable = new Set<string>([startId]);
  const stack = [startId];
  while (stack.length > 0) {
    for (const out of outgoing.get(stack.pop()!) ?? []) {
      if (reachable.has(out.target)) continue;
      reachable.add(out.target);
      stack.push(out.target);
    }
  }
  return reachable;
}

/** The handles each node's edges leave by, counting edges to nodes that failed their own checks. */
function connectedHandles(strategy: Strategy, nodes: Map<string, CheckedNode>, allIds: Set<string>) {
  const connected = new Map<string, Set<string | undefined>>();
  for (const edge of strategy.edges) {
    if (!allIds.has(edge.target)) continue;
    const source = nodes.get(edge.source);
    const handle = edge.sourceHandle ?? (source ? soleHandle(source) : undefined);
    let handles = connected.get(edge.source);
    if (!handles) {
      handles = new Set();
      connected.set(edge.source, handles);
    }
    handles.add(handle);
  }
  return connected;
}

/** Edges, start, cycles, reachability and required branches; the graph's shape for the compiler. */
export function checkStructure(
  strategy: Strategy,
  nodes: Map<string, CheckedNode>,
  issues: GraphIssue[],
): GraphShape | undefined {
  const { outgoing, incoming, allIds } = collectEdges(strategy, nodes, issues);
  const starts = strategy.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.kind === 'start');
  if (starts.length === 0) {
    issues.push({
      code: 'missing_start',
      severity: 'error',
      path: 'nodes',
      message: 'the strategy has no start node',
    });
  }
  for (const { n, i } of starts.slice(1)) {
    issues.push({
      code: 'multiple_starts',
      severity: 'error',
      nodeId: n.id,
      path: `nodes[${i}]`,
      message: `a strategy has one start; "${n.id}" is another`,
    });
  }
  for (const { nodeId, closing, nodeIds } of findCycles([...nodes.keys()], outgoing)) {
    issues.push({
      code: 'cycle',
      severity: 'error',
      nodeId,
      edgeId: closing.edge.id,
      path: `edges[${closing.index}]`,
      message: `the graph loops: ${nodeIds.join(' → ')}`,
    });
  }
  const startId = starts[0]?.n.id;
  const reachable = startId && nodes.has(startId) ? reachableFrom(startId, outgoing) : new Set<string>();
  // An edge to a node that failed its own checks still counts as connected: one problem, one issue.
  const connected = connectedHandles(strategy, nodes, allIds);
  for (const { node, index, def, content, outputs } of nodes.values()) {
    if (startId && !reachable.has(node.id)) {
      issues.push({
        code: 'unreachable_node',
        severity: 'error',
        nodeId: node.id,
        path: `nodes[${index}]`,
        message: `no path from start reaches "${node.name || node.id}"`,
      });
    }
    const handles = connected.get(node.id);
    for (const handle of def.requiredOutputs(content)) {
      if (!handles?.has(handle)) {
        const label = outputs.find((o) => o.handle === handle)?.label.en ?? handle;
        issues.push({
          code: 'missing_branch',
          severity: 'error',
          nodeId: node.id,
          path: `nodes[${index}]`,
          message: `"${node.name || node.id}" has no edge for its "${label}" branch`,
        });
      }
    }
  }
  return startId ? { startId, outgoing, incoming, reachable } : undefined;
}
