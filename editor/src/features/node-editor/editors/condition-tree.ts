import type { Condition, ConditionLeaf } from '../../../../../engine/conditions/schema.ts';

/** The condition editor works on groups: a lone leaf at the top is shown (and written) as a group of one. */
export type Group = { all: Condition[] } | { any: Condition[] };

export const isLeaf = (c: Condition): c is ConditionLeaf =>
  typeof c === 'object' && c !== null && 'fact' in c;
export const isGroup = (c: Condition): c is Group =>
  typeof c === 'object' && c !== null && ('all' in c || 'any' in c);

export function asGroup(condition: unknown): Group {
  const c = condition as Condition | undefined;
  if (c && isGroup(c)) return c;
  if (c && typeof c === 'object') return { all: [c] };
  return { all: [] };
}

export const membersOf = (group: Group): Condition[] => ('all' in group ? group.all : group.any) ?? [];

export const withMembers = (group: Group, members: Condition[]): Group =>
  'all' in group ? { all: members } : { any: members };

export const NEW_LEAF: ConditionLeaf = { fact: 'amounts.total', operator: 'greaterThanInclusive', value: 0 };
