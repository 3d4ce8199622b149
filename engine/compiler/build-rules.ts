import type { GraphIssue } from '../graph/issue.ts';
import type { Emission, OutputBranch } from '../nodes/node-kind.ts';
import type { NestedCondition } from '../rules/schema.ts';
import type { CheckedNode } from './check-nodes.ts';
import type { GraphShape, OutEdge } from './check-structure.ts';
import { COMPILE_LIMITS, type CompileLimits } from './compile-limits.ts';
import type { CompiledRule, SourceMapEntry } from './compiled-strategy.ts';
import { type ConditionSize, measureCondition, measureList, NO_CONDITION } from './condition-size.ts';

export type BuildResult =
  | { ok: true; rules: CompiledRule[]; sourceMap: Record<string, SourceMapEntry> }
  | { ok: false; issue: GraphIssue };

/**
 * What must hold for an order to arrive at a node, as a list that shares its beginning with the
 * list of the node before: a chain of n nodes costs n links, not n²/2 copied conditions. Only an
 * emitter's list, and the ways a join wraps, are ever written out as arrays.
 */
interface Reach {
  condition?: NestedCondition;
  before?: Reach;
  length: number;
  /** How big the list is once every shared part is spelled out, as JSON would. */
  measure: ConditionSize;
}

const NOWHERE: Reach = { length: 0, measure: NO_CONDITION };

const extend = (before: Reach, condition: NestedCondition, measure: ConditionSize): Reach => ({
  condition,
  before,
  length: before.length + 1,
  measure: measureList([before.measure, measure]),
});

function conditionsOf(reach: Reach): NestedCondition[] {
  const out = new Array<NestedCondition>(reach.length);
  let link = reach;
  for (let i = reach.length - 1; i >= 0; i--) {
    out[i] = link.condition!;
    link = link.before!;
  }
  return out;
}

/**
 * Turns an acyclic, checked graph into rules. Each node's reach condition is what must hold for
 * an order to arrive there (the branch conditions along every way in); an emitting node's rules
 * are its reach condition plus its own. Rule order, and so priority, is the order a walk from
 * start meets the emitters: branches in handle order, siblings top to bottom on the canvas.
 *
 * Every rule is measured before any is built: a graph whose rules would be too big to store or
 * run gets a `compiled_too_large` issue instead (see COMPILE_LIMITS). No walk here recurses.
 */
export function buildRules(
  nodes: Map<string, CheckedNode>,
  shape: GraphShape,
  limits: CompileLimits = COMPILE_LIMITS,
): BuildResult {
  const outputsOf = (id: string) => nodes.get(id)!.outputs;
  const branchCondition = (out: OutEdge) =>
    outputsOf(out.edge.source).find((o) => o.handle === out.handle)?.condition ?? null;

  const order = walkOrder(nodes, shape, outputsOf);
  const rank = new Map(order.map((id, i) => [id, i]));
  const reachOf = reachFinder(shape, branchCondition, limits);
  const tooLarge = (id: string, why: string): BuildResult => {
    const { node, index } = nodes.get(id)!;
    return {
      ok: false,
      issue: {
        code: 'compiled_too_large',
        severity: 'error',
        nodeId: id,
        path: `nodes[${index}]`,
        message: `the rules would be too big to run: ${why} at "${node.name || id}". Every rule repeats the whole way to its node, and each join doubles the ways after it; join fewer ways, or split the strategy`,
      },
    };
  };

  // Measure: sizes are numbers, so even a graph asking for 2^500 conditions costs nothing here.
  const emitters: { id: string; emissions: Emission[]; reach: Reach }[] = [];
  let total = 0;
  for (const id of order) {
    const { def, content } = nodes.get(id)!;
    const emissions = def.emit(content);
    if (emissions.length === 0) continue;
    const reach = reachOf(id);
    for (const emission of emissions) {
      const own = measureCondition(emission.condition);
      const depth = 1 + Math.max(reach.measure.depth, own.depth);
      if (depth > limits.maxConditionDepth) {
        return tooLarge(id, `conditions nest ${depth} deep, over the limit of ${limits.maxConditionDepth}`);
      }
      total += 1 + reach.measure.size + own.size;
      if (total > limits.maxCompiledSize) {
        return tooLarge(id, `over ${limits.maxCompiledSize} conditions and source-map ids`);
      }
    }
    emitters.push({ id, emissions, reach });
  }

  // The source map names each rule's whole ancestry: bounded by the same budget.
  const ancestries = new Map<string, { nodeIds: string[]; edgeIds: string[] }>();
  const byRank = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  for (const { id, emissions } of emitters) {
    const { nodeIds, edgeIds } = ancestryOf(id, shape);
    total += emissions.length * (nodeIds.size + edgeIds.size);
    if (total > limits.maxCompiledSize) {
      return tooLarge(id, `over ${limits.maxCompiledSize} conditions and source-map ids`);
    }
    ancestries.set(id, { nodeIds: [...nodeIds].sort(byRank), edgeIds: [...edgeIds].sort() });
  }

  const rules: CompiledRule[] = [];
  const sourceMap: Record<string, SourceMapEntry> = {};
  for (const { id, emissions, reach } of emitters) {
    const { nodeIds, edgeIds } = ancestries.get(id)!;
    for (const emission of emissions) {
      const name = emission.key ? `${id}#${emission.key}` : id;
      const path = conditionsOf(reach);
      const all = emission.condition ? [...path, emission.condition] : path;
      rules.push({ name, priority: 0, conditions: { all }, event: emission.event });
      sourceMap[name] = {
        emitterId: id,
        nodeIds: [...nodeIds],
        edgeIds: [...edgeIds],
        ...(emission.group ? { group: `${id}:${emission.group}` } : {}),
      };
    }
  }
  rules.forEach((rule, i) => {
    rule.priority = rules.length - i;
  });
  return { ok: true, rules, sourceMap };
}

/** The ways into a node that start can reach. */
const waysIn = (shape: GraphShape, id: string) =>
  (shape.incoming.get(id) ?? []).filter((e) => shape.reachable.has(e.edge.source));

/**
 * A node's reach condition, memoised: every way in, each its source's reach plus the branch
 * condition it leaves by; two or more ways join in `any`. Sources are settled before the nodes
 * they lead to by an explicit stack (the graph is acyclic by now), not by recursion. A join over
 * the limits is measured but never written out: the rule that needs it is refused anyway.
 */
function reachFinder(
  shape: GraphShape,
  branchCondition: (out: OutEdge) => NestedCondition | null,
  limits: CompileLimits,
) {
  const memo = new Map<string, Reach>();
  const branchMeasures = new Map<NestedCondition, ConditionSize>();
  const measureBranch = (c: NestedCondition) => {
    let m = branchMeasures.get(c);
    if (!m) {
      m = measureCondition(c);
      branchMeasures.set(c, m);
    }
    return m;
  };

  const settle = (id: string): Reach => {
    const alternatives = waysIn(shape, id).map((e): Reach => {
      const base = memo.get(e.edge.source)!;
      const c = branchCondition(e);
      return c ? extend(base, c, measureBranch(c)) : base;
    });
    if (alternatives.length <= 1) return alternatives[0] ?? NOWHERE;
    if (alternatives.some((a) => a.length === 0)) return NOWHERE;
    // A way of one condition joins as it is; a longer one as `all`, one level deeper.
    const wrapped = (a: Reach) => a.length > 1;
    const ways = measureList(
      alternatives.map((a) =>
        wrapped(a) ? { size: a.measure.size + 1, depth: a.measure.depth + 1 } : a.measure,
      ),
    );
    const measure = { size: ways.size + 1, depth: ways.depth + 1 };
    if (measure.size > limits.maxCompiledSize || measure.depth > limits.maxConditionDepth) {
      return { length: 1, measure };
    }
    const any = alternatives.map((a) => (wrapped(a) ? { all: conditionsOf(a) } : a.condition!));
    return extend(NOWHERE, { any }, measure);
  };

  return (target: string): Reach => {
    const stack: { id: string; expanded: boolean }[] = [{ id: target, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (memo.has(top.id)) {
        stack.pop();
      } else if (!top.expanded) {
        top.expanded = true;
        for (const e of waysIn(shape, top.id)) {
          if (!memo.has(e.edge.source)) stack.push({ id: e.edge.source, expanded: false });
        }
      } else {
        stack.pop();
        memo.set(top.id, settle(top.id));
      }
    }
    return memo.get(target)!;
  };
}

/** Every node and edge on a way from start to `id`, found by walking edges backwards. */
function ancestryOf(id: string, shape: GraphShape) {
  const nodeIds = new Set([id]);
  const edgeIds = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const e of waysIn(shape, stack.pop()!)) {
      edgeIds.add(e.edge.id);
      if (nodeIds.has(e.edge.source)) continue;
      nodeIds.add(e.edge.source);
      stack.push(e.edge.source);
    }
  }
  return { nodeIds, edgeIds };
}

/** Depth-first from start, branches in handle order, siblings top to bottom: the rules' order. */
function walkOrder(
  nodes: Map<string, CheckedNode>,
  shape: GraphShape,
  outputsOf: (id: string) => OutputBranch[],
): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const stack = [shape.startId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
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
    // Pushed last-first, so the first branch's whole subtree is walked before the second: a
    // recursive walk's order, without its stack depth.
    for (let i = outs.length - 1; i >= 0; i--) if (!seen.has(outs[i]!.target)) stack.push(outs[i]!.target);
  }
  return order;
}
