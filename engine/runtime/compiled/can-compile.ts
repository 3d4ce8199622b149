import type { RuleSet } from '../../rules/schema.ts';
import { RuleCompileError } from './compile-errors.ts';
import { type CompiledEvaluator, createCompiledEvaluator } from './compiled-evaluator.ts';

export type CompileCheck =
  | { ok: true; evaluator: CompiledEvaluator }
  | { ok: false; error: RuleCompileError };

/**
 * Compiles without throwing on a rule set the compiled runtime will not run. When
 * `error.referenceCanRun`, json-rules-engine takes the rule set and fails only on orders that reach
 * the offending part: the caller may choose it, and should say so.
 */
export function canCompile(ruleSet: RuleSet): CompileCheck {
  try {
    return { ok: true, evaluator: createCompiledEvaluator(ruleSet) };
  } catch (error) {
    if (error instanceof RuleCompileError) return { ok: false, error };
    throw error;
  }
}
