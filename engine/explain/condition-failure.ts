import { fromFactRef, readPath } from '../facts/index.ts';
import type { FactCondition, NestedCondition } from '../rules/schema.ts';
import { resolveOperator } from '../runtime/compiled/resolve-operator.ts';

/** One fact test that did not go the way a path needed, with what the order had. */
export interface ConditionFailure {
  /** The dotted fact path (`payStatus`, `receiver.district`, `skus.length`). */
  fact: string;
  operator: string;
  /** What the condition compares with. */
  expected: unknown;
  /** The order's value; undefined when the order has none. */
  actual: unknown;
  /** True when the test held and a `not` around it needed it not to. */
  negated: boolean;
}

type Facts = Readonly<Record<string, unknown>>;

const dotted = (leaf: FactCondition) => fromFactRef({ fact: leaf.fact, path: leaf.path });

/** A value written as `{fact, path}` reads another fact, as json-rules-engine resolves it. */
function comparedWith(leaf: FactCondition, facts: Facts): unknown {
  const value = leaf.value as { fact?: unknown; path?: unknown } | null;
  if (value && typeof value === 'object' && typeof value.fact === 'string') {
    const path = typeof value.path === 'string' ? value.path : undefined;
    return readPath(facts, fromFactRef({ fact: value.fact, path }));
  }
  return leaf.value;
}

/**
 * A fact test as both runtimes decide it: the operator's own validator and comparison. An operator
 * that throws on these operands (a hand-written rule) counts as not holding: the run would have failed.
 */
function leafHolds(leaf: FactCondition, facts: Facts): boolean {
  const operator = resolveOperator(leaf.operator);
  if (!operator) return false;
  try {
    return operator.evaluate(readPath(facts, dotted(leaf)), comparedWith(leaf, facts));
  } catch {
    return false;
  }
}

const failureOf = (leaf: FactCondition, facts: Facts, negated: boolean): ConditionFailure => ({
  fact: dotted(leaf),
  operator: leaf.operator,
  expected: comparedWith(leaf, facts),
  actual: readPath(facts, dotted(leaf)),
  negated,
});

/**
 * The first fact test, in reading order, that kept the condition from holding; undefined when it
 * holds. Under `not` the roles swap: the first test that held is the one in the way. An `any` that
 * failed names its first alternative's failure, the one a consultant reads first.
 */
export function firstFailure(
  condition: NestedCondition,
  facts: Facts,
  negated = false,
): ConditionFailure | undefined {
  const wanted = !negated;
  if ('fact' in condition) {
    return leafHolds(condition, facts) === wanted ? undefined : failureOf(condition, facts, negated);
  }
  if ('not' in condition) return firstFailure(condition.not, facts, !negated);
  if ('condition' in condition) return undefined;
  // `all` needs every part to go the wanted way, as does `any` under `not`; otherwise one part is enough.
  const list = 'all' in condition ? condition.all : condition.any;
  const needsEvery = 'all' in condition === wanted;
  if (needsEvery) {
    for (const part of list) {
      const failure = firstFailure(part, facts, negated);
      if (failure) return failure;
    }
    return undefined;
  }
  const failures = list.map((part) => firstFailure(part, facts, negated));
  return failures.some((f) => f === undefined) ? undefined : failures[0];
}
