import type { GraphIssue } from '../graph/issue.ts';
import type { GraphEdge, Strategy } from '../graph/schema.ts';
import type { CheckedNode } from './check-nodes.ts';

export interface OutEdge {
  edge: GraphEdge;
  handle: string;
  target: string;
}

export interface GraphShape {
  startId: string;
  outgoing: Map<string, OutEdge[]>;
  incoming: Map<string, OutEdge[]>;
  reachable: Set<string>;
}

function handleOf(
  edge: GraphEdge,
  source: CheckedNode,
  issues: GraphIssue[],
  at: string,
): string | undefined {
  const handles = source.def.outputs(source.content).map((o) => o.handle);
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

function soleHandle(def: CheckedNode['def'], content: unknown): string | undefined {
  const handles = def.outputs(content);
  return handles.length === 1 ? handles[0]!.handle : undefined;
}

function collectEdges(strategy: Strategy, nodes: Map<string, CheckedNode>, issues: GraphIssue[]) {
  const allIds = new Set(strategy.nodes.map((n) => n.id));
  const outgoing = new Map<string, OutEdge[]>();
  const incoming = new Map<string, OutEdge[]>();
  const seen = new Set<string>();
  strategy.edges.forEach((edge, i) => {
    const at = `edges[${i}]`;
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
    const out = { edge, handle, target: edge.target };
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), out]);
    incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), out]);
  });
  return { outgoing, incoming };
}

/** Finds one cycle through each strongly connected part the walk meets, as the edges on it. */
function findCycles(nodeIds: string[], outgoing: Map<string, OutEdge[]>): GraphEdge[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: GraphEdge[] = [];
  const cycles: GraphEdge[][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const out of outgoing.get(id) ?? []) {
      const s = state.get(out.target);
      if (s === 'open') {
        const from = stack.findIndex((e) => e.source === out.target);
        cycles.push([...stack.slice(from < 0 ? stack.length : from), out.edge]);
      } else if (s === undefined) {
        stack.push(out.edge);
        visit(out.target);
        stack.pop();
      }
    }
    state.set(id, 'done');
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);
  return cycles;
}

/** Edges, start, cycles, reachability and required branches; the graph's shape for the compiler. */
export function checkStructure(
  strategy: Strategy,
  nodes: Map<string, CheckedNode>,
  issues: GraphIssue[],
): GraphShape | undefined {
  const { outgoing, incoming } = collectEdges(strategy, nodes, issues);
  const allIds = new Set(strategy.nodes.map((n) => n.id));
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
  for (const cycle of findCycles([...nodes.keys()], outgoing)) {
    const path = cycle.map((e) => e.source).concat(cycle.at(-1)!.target);
    issues.push({
      code: 'cycle',
      severity: 'error',
      nodeId: cycle[0]!.source,
      edgeId: cycle.at(-1)!.id,
      path: `edges[${strategy.edges.indexOf(cycle.at(-1)!)}]`,
      message: `the graph loops: ${path.join(' → ')}`,
    });
  }
  const startId = starts[0]?.n.id;
  const reachable = new Set<string>();
  const walk = (id: string) => {
    if (reachable.has(id)) return;
    reachable.add(id);
    for (const out of outgoing.get(id) ?? []) walk(out.target);
  };
  if (startId && nodes.has(startId)) walk(startId);
  for (const { node, index, def, content } of nodes.values()) {
    if (startId && !reachable.has(node.id)) {
      issues.push({
        code: 'unreachable_node',
        severity: 'error',
        nodeId: node.id,
        path: `nodes[${index}]`,
        message: `no path from start reaches "${node.name || node.id}"`,
      });
    }
    // An edge to a node that failed its own checks still counts as connected: one problem, one issue.
    const connected = new Set(
      strategy.edges
        .filter((e) => e.source === node.id && allIds.has(e.target))
        .map((e) => e.sourceHandle ?? soleHandle(def, content)),
    );
    for (const handle of def.requiredOutputs(content)) {
      if (!connected.has(handle)) {
        const label = def.outputs(content).find((o) => o.handle === handle)?.label.en ?? handle;
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
