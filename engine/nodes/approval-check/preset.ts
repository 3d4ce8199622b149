import type { z } from 'zod';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { compileCondition } from '../../conditions/index.ts';
import type { NestedCondition } from '../../rules/schema.ts';
import type { ContentIssue, FieldHints, Label } from '../node-kind.ts';

/**
 * One ready-made approval check: what a consultant picks instead of writing facts. Its params
 * schema gives every field a default; `compile` says what an order must show for the check to
 * hold (the node's "yes" branch), as ordinary json-rules-engine conditions.
 */
export interface PresetDef<P> {
  id: string;
  label: Label;
  help: Label;
  params: z.ZodType<P>;
  fields: FieldHints;
  compile(params: P): NestedCondition;
  /** Problems zod cannot see (references to the client's SKUs, an empty check); paths inside params. */
  validate?(params: P, context: CompileContext): ContentIssue[];
}

export function definePreset<P>(def: PresetDef<P>): PresetDef<P> {
  return def;
}

/** A fact / operator / value leaf, with the dotted fact path translated as every condition is. */
export const leaf = (fact: string, operator: string, value: unknown): NestedCondition =>
  compileCondition({ fact, operator, value });

/** A list fact that is not empty: `$.length` reads the same in both runtimes and in the trace. */
export const nonEmpty = (fact: string): NestedCondition => ({
  fact,
  path: '$.length',
  operator: 'greaterThan',
  value: 0,
});

/** Text with something other than white space in it; false for a missing fact, unlike `notEqual ''`. */
export const hasText = (fact: string): NestedCondition => leaf(fact, 'matchesRegex', '\\S');

export const anyOf = (conditions: NestedCondition[]): NestedCondition =>
  conditions.length === 1 ? conditions[0]! : { any: conditions };
