import type { Condition, ConditionLeaf } from '../../../../engine/conditions/schema.ts';

/** How a condition reads in a node's summary: "订单金额 大于等于 200 且 平台 等于 tmall". */
export interface ConditionWords {
  fact(path: string): string;
  operator(name: string): string;
  and: string;
  or: string;
  not: string;
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join('、');
  if (value && typeof value === 'object') {
    const pattern = (value as { pattern?: unknown }).pattern;
    return typeof pattern === 'string' ? `/${pattern}/` : JSON.stringify(value);
  }
  return value === undefined ? '…' : String(value);
}

const isLeaf = (c: Condition): c is ConditionLeaf => 'fact' in c;

export function describeCondition(
  condition: Condition | undefined,
  words: ConditionWords,
  depth = 0,
): string {
  if (!condition || typeof condition !== 'object') return '…';
  if (isLeaf(condition)) {
    return `${words.fact(condition.fact)} ${words.operator(condition.operator)} ${describeValue(condition.value)}`;
  }
  const wrap = (text: string) => (depth > 0 ? `(${text})` : text);
  if ('not' in condition) return `${words.not} ${describeCondition(condition.not, words, depth + 1)}`;
  const [list, joiner] = 'all' in condition ? [condition.all, words.and] : [condition.any, words.or];
  if (!Array.isArray(list) || list.length === 0) return '…';
  if (list.length === 1) return describeCondition(list[0], words, depth);
  return wrap(list.map((c) => describeCondition(c, words, depth + 1)).join(` ${joiner} `));
}
