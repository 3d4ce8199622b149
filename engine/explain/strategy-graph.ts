import { type CheckedNode, checkNodes } from '../compiler/check-nodes.ts';
import type { CompileContext } from '../compiler/compile-context.ts';
import type { Strategy } from '../graph/schema.ts';
import type { Label } from '../nodes/node-kind.ts';
import type { NestedCondition } from '../rules/schema.ts';

/** One edge as an order sees it: it leaves `source` by `handle` when `condition` holds (null: always). */
export interface Branch {
  edgeId: string;
  source: string;
  target: string;
  handle: string;
  label: Label;
  condition: NestedCondition | null;
}

/** A strategy's nodes with their checked content, and its edges as branches both ways. */
export interface StrategyGraph {
  strategy: Strategy;
  nodes: ReadonlyMap<string, CheckedNode>;
  incoming: ReadonlyMap<string, readonly Branch[]>;
  outgoing: ReadonlyMap<string, readonly Branch[]>;
  startId: string | undefined;
}

function add(map: Map<string, Branch[]>, key: string, branch: Branch) {
  const list = map.get(key);
  if (list) list.push(branch);
  else map.set(key, [branch]);
}

/**
 * The graph as the compiler reads it, for questions the rules no longer answer (which node a
 * condition came from). Nodes or edges that fail their checks are left out: the compiler reports them.
 */
export function strategyGraph(strategy: Strategy, context: CompileContext = {}): StrategyGraph {
  const nodes = checkNodes(strategy.nodes, context, []);
  const incoming = new Map<string, Branch[]>();
  const outgoing = new Map<string, Branch[]>();
  for (const edge of strategy.edges) {
    const source = nodes.get(edge.source);
    if (!source || !nodes.has(edge.target)) continue;
    const sole = source.outputs.length === 1 ? source.outputs[0]!.handle : undefined;
    const output = source.outputs.find((o) => o.handle === (edge.sourceHandle ?? sole));
    if (!output) continue;
    const branch: Branch = {
      edgeId: edge.id,
      source: edge.source,
      target: edge.target,
      handle: output.handle,
      label: output.label,
      condition: output.condition,
    };
    add(incoming, edge.target, branch);
    add(outgoing, edge.source, branch);
  }
  const startId = strategy.nodes.find((n) => n.kind === 'start')?.id;
  return { strategy, nodes, incoming, outgoing, startId };
}

/** A node's name as the consultant wrote it, else its id. */
export function nodeName(graph: StrategyGraph | undefined, nodeId: string): string {
  return graph?.nodes.get(nodeId)?.node.name || nodeId;
}
