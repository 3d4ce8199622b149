import type { OutputBranch } from '../nodes/node-kind.ts';
import type { NestedCondition } from '../rules/schema.ts';
import type { CheckedNode } from './check-nodes.ts';
import type { GraphShape, OutEdge } from './check-structure.ts';
import type { CompiledRule, SourceMapEntry } from './compiled-strategy.ts';

interface Built {
  rules: CompiledRule[];
  sourceMap: Record<string, SourceMapEntry>;
}

/**
 * Turns an acyclic, checked graph into rules. Each node's reach condition is what must hold for
 * an order to arrive there (the branch conditions along every way in); an emitting node's rules
 * are its reach condition plus its own. Rule order, and so priority, is the order a walk from
 * start meets the emitters: branches in handle order, siblings top to bottom on the canvas.
 */
export function buildRules(nodes: Map<string, CheckedNode>, shape: GraphShape): Built {
  const outputs = new Map<string, OutputBranch[]>();
  const outputsOf = (id: string) => {
    let list = outputs.get(id);
    if (!list) {
      const n = nodes.get(id)!;
      list = n.def.outputs(n.content);
      outputs.set(id, list);
    }
    return list;
  };
  const branchCondition = (out: OutEdge, source: string) =>
    outputsOf(source).find((o) => o.handle === out.handle)?.condition ?? null;

  const order = walkOrder(nodes, shape, outputsOf);
  const rank = new Map(order.map((id, i) => [id, i]));

  const reach = new Map<string, NestedCondition[]>();
  const reachOf = (id: string): NestedCondition[] => {
    const known = reach.get(id);
    if (known) return known;
    const ins = (shape.incoming.get(id) ?? []).filter((e) => shape.reachable.has(e.edge.source));
    const alternatives = ins.map((e) => {
      const c = branchCondition(e, e.edge.source);
      return c ? [...reachOf(e.edge.source), c] : reachOf(e.edge.source);
    });
    let result: NestedCondition[];
    if (alternatives.length <= 1) result = alternatives[0] ?? [];
    else if (alternatives.some((a) => a.length === 0)) result = [];
    else result = [{ any: alternatives.map((a) => (a.length === 1 ? a[0]! : { all: a })) }];
    reach.set(id, result);
    return result;
  };

  const ancestry = new Map<string, { nodeIds: Set<string>; edgeIds: Set<string> }>();
  const ancestryOf = (id: string) => {
    let known = ancestry.get(id);
    if (known) return known;
    known = { nodeIds: new Set([id]), edgeIds: new Set() };
    for (const e of shape.incoming.get(id) ?? []) {
      if (!shape.reachable.has(e.edge.source)) continue;
      const up = ancestryOf(e.edge.source);
      for (const n of up.nodeIds) known.nodeIds.add(n);
      for (const x of up.edgeIds) known.edgeIds.add(x);
      known.edgeIds.add(e.edge.id);
    }
    ancestry.set(id, known);
    return known;
  };

  const rules: CompiledRule[] = [];
  const sourceMap: Record<string, SourceMapEntry> = {};
  for (const id of order) {
    const { def, content } = nodes.get(id)!;
    const emissions = def.emit(content);
    if (emissions.length === 0) continue;
    const path = reachOf(id);
    const { nodeIds, edgeIds } = ancestryOf(id);
    const byRank = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
    for (const emission of emissions) {
      const name = emission.key ? `${id}#${emission.key}` : id;
      const all = emission.condition ? [...path, emission.condition] : path;
      rules.push({ name, priority: 0, conditions: { all }, event: emission.event });
      sourceMap[name] = {
        emitterId: id,
        nodeIds: [...nodeIds].sort(byRank),
        edgeIds: [...edgeIds].sort(),
        ...(emission.group ? { group: `${id}:${emission.group}` } : {}),
      };
    }
  }
  rules.forEach((rule, i) => {
    rule.priority = rules.length - i;
  });
  return { rules, sourceMap };
}

function walkOrder(
  nodes: Map<string, CheckedNode>,
  shape: GraphShape,
  outputsOf: (id: string) => OutputBranch[],
): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    order.push(id);
    const handles = outputsOf(id).map((o) => o.handle);
    const outs = [...(shape.outgoing.get(id) ?? [])].sort((a, b) => {
      const byHandle = handles.indexOf(a.handle) - handles.indexOf(b.handle);
      if (byHandle) return byHandle;
      const pa = nodes.get(a.target)!.node.position;
      const pb = nodes.get(b.target)!.node.position;
      return pa.y - pb.y || pa.x - pb.x || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
    });
    for (const out of outs) visit(out.target);
  };
  visit(shape.startId);
  return order;
}
