import type { Label } from '../nodes/node-kind.ts';
import { type ConditionFailure, firstFailure } from './condition-failure.ts';
import type { StrategyGraph } from './strategy-graph.ts';

type Facts = Readonly<Record<string, unknown>>;

/** Why a node took no part in a decision, as data; `describeWhyNot` words it. */
export type WhyNot =
  /** It is on the path of a rule that fired. */
  | { kind: 'fired' }
  /** The order never got there: at `nodeId` it did not leave by `handle`, the way in, because of `failure`. */
  | { kind: 'blocked'; nodeId: string; handle: string; branch: Label; failure: ConditionFailure | undefined }
  /** It got there, but none of the node's own rules (a table's rows) held: each one's first failure. */
  | { kind: 'unmatched'; rules: { key: string; failure: ConditionFailure | undefined }[] }
  /** It got there and a rule of its held, but an earlier rule won (hit policy `first`, a table's first row). */
  | { kind: 'preempted'; by: string | undefined }
  /** It got there and decides nothing itself; what came after it did not fire. */
  | { kind: 'passed' }
  /** No way from start leads there. */
  | { kind: 'unreachable' };

export interface WhyNotInput {
  graph: StrategyGraph;
  nodeId: string;
  /** The facts the strategy's stage read. */
  facts: Facts;
  /** Nodes on the path of a rule of this strategy that fired. */
  lit: ReadonlySet<string>;
  /** The rules of this strategy that fired, in order. */
  fired: readonly string[];
}

/**
 * Works the graph from start with the order's facts: a node is reached when some way in leaves a
 * reached node by a branch whose condition holds. For a node not reached it names the first branch
 * on the way that the order did not take, and that branch's first failed fact test.
 */
export function whyNot({ graph, nodeId, facts, lit, fired }: WhyNotInput): WhyNot {
  if (lit.has(nodeId)) return { kind: 'fired' };
  const reachedMemo = new Map<string, boolean>();
  const reached = (id: string, seen: Set<string>): boolean => {
    const known = reachedMemo.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return false;
    seen.add(id);
    const value =
      id === graph.startId ||
      (graph.incoming.get(id) ?? []).some(
        (b) => reached(b.source, seen) && (b.condition === null || !firstFailure(b.condition, facts)),
      );
    reachedMemo.set(id, value);
    return value;
  };
  const isReached = (id: string) => reached(id, new Set());

  if (isReached(nodeId)) return ownRules(graph, nodeId, facts, fired);
  const visited = new Set<string>();
  let current = nodeId;
  while (!visited.has(current)) {
    visited.add(current);
    const ways = graph.incoming.get(current) ?? [];
    const taken = ways.find((b) => isReached(b.source));
    if (taken) {
      return {
        kind: 'blocked',
        nodeId: taken.source,
        handle: taken.handle,
        branch: taken.label,
        failure: taken.condition ? firstFailure(taken.condition, facts) : undefined,
      };
    }
    if (ways.length === 0) break;
    current = ways[0]!.source;
  }
  return { kind: 'unreachable' };
}

/** A reached node that is not lit: its own rules did not hold, or lost to an earlier one, or it only passes orders on. */
function ownRules(graph: StrategyGraph, nodeId: string, facts: Facts, fired: readonly string[]): WhyNot {
  const checked = graph.nodes.get(nodeId);
  const emissions = checked ? checked.def.emit(checked.content) : [];
  if (emissions.length === 0) return { kind: 'passed' };
  const rules = emissions.map((e) => ({
    key: e.key,
    failure: e.condition ? firstFailure(e.condition, facts) : undefined,
  }));
  if (rules.some((r) => r.failure === undefined)) {
    return { kind: 'preempted', by: fired[0] };
  }
  return { kind: 'unmatched', rules };
}
