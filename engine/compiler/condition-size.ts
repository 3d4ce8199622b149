import type { NestedCondition } from '../rules/schema.ts';

export interface ConditionSize {
  /** Condition objects, counting each group and each fact test. */
  size: number;
  /** Levels of nesting: a fact test is 1, a group around it 2. */
  depth: number;
}

export const NO_CONDITION: ConditionSize = { size: 0, depth: 0 };

/** Measures a condition without recursion: node content is user input and may nest deep. */
export function measureCondition(condition: NestedCondition | null): ConditionSize {
  if (condition === null) return NO_CONDITION;
  let size = 0;
  let depth = 0;
  const stack: [NestedCondition, number][] = [[condition, 1]];
  while (stack.length > 0) {
    const [c, level] = stack.pop()!;
    size++;
    if (level > depth) depth = level;
    const children = 'all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : [];
    for (const child of children) stack.push([child, level + 1]);
  }
  return { size, depth };
}

/** A list of conditions ANDed together, measured from its items' measures. */
export function measureList(items: readonly ConditionSize[]): ConditionSize {
  let size = 0;
  let depth = 0;
  for (const item of items) {
    size += item.size;
    if (item.depth > depth) depth = item.depth;
  }
  return { size, depth };
}
