/** A rule of the report's `ruleHits`: the nodes its path crosses, and the orders it fired for. */
export interface RuleHit {
  strategyId: string;
  rule: string;
  nodeIds: string[];
  hits: number;
}

/**
 * Per node of one strategy, how often the rules whose path crosses it fired: an action counts its
 * own rule, a condition every rule below it. A node on some rule's path with 0 was reached by no
 * order; nodes on no rule's path (the start) are absent, having nothing to count.
 */
export function nodeHits(ruleHits: readonly RuleHit[], strategyId: string): Map<string, number> {
  const hits = new Map<string, number>();
  for (const rule of ruleHits) {
    if (rule.strategyId !== strategyId) continue;
    for (const id of new Set(rule.nodeIds)) hits.set(id, (hits.get(id) ?? 0) + rule.hits);
  }
  return hits;
}
