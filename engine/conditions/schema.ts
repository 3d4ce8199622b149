import { z } from 'zod';

/**
 * A condition as a consultant draws it: a fact path, an operator, a value, combined in
 * all / any / not groups. It compiles to json-rules-engine's condition JSON.
 */
export const ConditionLeafSchema = z.object({
  fact: z.string().min(1, 'choose a field'),
  operator: z.string().min(1, 'choose an operator'),
  value: z.unknown(),
});

export type ConditionLeaf = z.infer<typeof ConditionLeafSchema>;

export type Condition = ConditionLeaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

// The leaf first: leaves are most of any condition, and a union pays for every option it tries
// before the one that fits. Groups are strict objects, so no leaf fits a group, nor a group a leaf.
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    ConditionLeafSchema,
    z.object({ all: z.array(ConditionSchema) }).strict(),
    z.object({ any: z.array(ConditionSchema) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

export function isLeaf(condition: Condition): condition is ConditionLeaf {
  return 'fact' in condition;
}
