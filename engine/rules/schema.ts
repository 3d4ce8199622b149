import { z } from 'zod';

/**
 * json-rules-engine's rule JSON, as a zod schema: what our compiler emits and what
 * `ordergraph run --rules` accepts from anyone's existing json-rules-engine setup.
 */

const jsonValue: z.ZodType<unknown> = z.unknown();

export const FactConditionSchema = z.object({
  fact: z.string().min(1),
  operator: z.string().min(1),
  value: jsonValue,
  path: z.string().optional(),
  params: z.record(z.string(), jsonValue).optional(),
  name: z.string().optional(),
  priority: z.number().optional(),
});

export type FactCondition = z.infer<typeof FactConditionSchema>;

export type NestedCondition =
  | FactCondition
  | { all: NestedCondition[]; name?: string; priority?: number }
  | { any: NestedCondition[]; name?: string; priority?: number }
  | { not: NestedCondition; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number };

const nested = z.lazy(() => NestedConditionSchema);
const named = { name: z.string().optional(), priority: z.number().optional() };

/** The condition kinds that are not a fact test: json-rules-engine accepts only these at the top. */
const groupConditions = [
  z.object({ all: z.array(nested), ...named }),
  z.object({ any: z.array(nested), ...named }),
  z.object({ not: nested, ...named }),
  z.object({ condition: z.string(), ...named }),
] as const;

/** A fact test without a group's key: json-rules-engine reads an object that has one as that group. */
const factTest = FactConditionSchema.extend({
  all: z.never().optional(),
  any: z.never().optional(),
  not: z.never().optional(),
  condition: z.never().optional(),
});

// Fact tests first: they are most of any rule set, and a union pays for every option it tries
// before the one that fits (a failed option builds its issues). Groups first made validating a
// compiled strategy of 50,000 conditions take a second.
export const NestedConditionSchema: z.ZodType<NestedCondition> = z.union([factTest, ...groupConditions]);

export type TopLevelCondition = Exclude<NestedCondition, FactCondition>;

export const TopLevelConditionSchema: z.ZodType<TopLevelCondition> = z.union(groupConditions);

export const RuleEventSchema = z.object({
  type: z.string().min(1),
  params: z.record(z.string(), jsonValue).optional(),
});

export type RuleEvent = z.infer<typeof RuleEventSchema>;

export const RuleSchema = z.object({
  name: z.string().optional(),
  priority: z.number().int().min(1).optional(),
  conditions: TopLevelConditionSchema,
  event: RuleEventSchema,
});

export type Rule = z.infer<typeof RuleSchema>;

/** A plain list of rules, or an object holding them with named shared conditions. */
export const RuleSetSchema = z.union([
  z.array(RuleSchema),
  z.object({
    rules: z.array(RuleSchema),
    conditions: z.record(z.string(), TopLevelConditionSchema).optional(),
  }),
]);

export type RuleSetInput = z.infer<typeof RuleSetSchema>;

export interface RuleSet {
  rules: Rule[];
  /** Shared conditions referenced by `{condition: name}` (json-rules-engine's `engine.setCondition`). */
  conditions: Record<string, TopLevelCondition>;
}

export function toRuleSet(input: RuleSetInput): RuleSet {
  return Array.isArray(input)
    ? { rules: input, conditions: {} }
    : { rules: input.rules, conditions: input.conditions ?? {} };
}
