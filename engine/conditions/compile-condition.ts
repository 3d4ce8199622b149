import { toFactRef } from '../facts/index.ts';
import { findRegion } from '../order/regions/index.ts';
import type { NestedCondition } from '../rules/schema.ts';
import { type Condition, type ConditionLeaf, isLeaf } from './schema.ts';

/** Region names become codes at compile time, so the runtime compares codes only. */
function compileValue(leaf: ConditionLeaf): unknown {
  if (leaf.operator !== 'inRegion') return leaf.value;
  const regions = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  return regions.map((region) =>
    typeof region === 'string' ? (findRegion(region)?.code ?? region) : region,
  );
}

function compileLeaf(leaf: ConditionLeaf): NestedCondition {
  const ref = toFactRef(leaf.fact);
  return ref.path === undefined
    ? { fact: ref.fact, operator: leaf.operator, value: compileValue(leaf) }
    : { fact: ref.fact, path: ref.path, operator: leaf.operator, value: compileValue(leaf) };
}

/** A drawn condition as json-rules-engine condition JSON (assumes it validated). */
export function compileCondition(condition: Condition): NestedCondition {
  if (isLeaf(condition)) return compileLeaf(condition);
  if ('all' in condition) return { all: condition.all.map(compileCondition) };
  if ('any' in condition) return { any: condition.any.map(compileCondition) };
  return { not: compileCondition(condition.not) };
}
