import type { CompiledStrategy } from '../../compiler/index.ts';
import type { RuleHit } from '../evaluator.ts';

/**
 * Which of a strategy's fired rules count. `first`: the highest-priority hit only.
 * `collect`: every hit, but within a group (a decision table) only its first row.
 * Hits arrive in priority order and our compiler gives every rule its own priority.
 */
export function selectHits(strategy: CompiledStrategy, hits: readonly RuleHit[]): RuleHit[] {
  if (hits.length === 0) return [];
  if (strategy.hitPolicy === 'first') return [hits[0]!];
  const taken = new Set<string>();
  return hits.filter((hit) => {
    const group = hit.name === undefined ? undefined : strategy.sourceMap[hit.name]?.group;
    if (group === undefined) return true;
    if (taken.has(group)) return false;
    taken.add(group);
    return true;
  });
}
