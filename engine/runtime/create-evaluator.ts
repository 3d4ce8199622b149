import type { RuleSet } from '../rules/schema.ts';
import { canCompile } from './compiled/index.ts';
import type { EngineName, RuleEvaluator } from './evaluator.ts';
import { createReferenceEvaluator } from './reference/reference-evaluator.ts';

/** Says that a rule set asked for the compiled runtime runs on json-rules-engine instead, and why. */
export type FallbackNotice = (reason: string) => void;

// console.warn is standard error in Node and the console in a browser: the core runs in both.
const warnOnStderr: FallbackNotice = (reason) => {
  console.warn(`ordergraph: ${reason}; using the reference engine (json-rules-engine) for it`);
};

/**
 * The evaluator for a rule set. `compiled` falls back to json-rules-engine, visibly, for rule
 * sets only json-rules-engine can run; a rule set neither can run is an error from `canCompile`.
 */
export function createEvaluator(
  ruleSet: RuleSet,
  engine: EngineName,
  onFallback: FallbackNotice = warnOnStderr,
): RuleEvaluator {
  if (engine === 'reference') return createReferenceEvaluator(ruleSet);
  const check = canCompile(ruleSet);
  if (check.ok) return check.evaluator;
  if (!check.error.referenceCanRun) throw check.error;
  onFallback(check.error.message);
  return createReferenceEvaluator(ruleSet);
}
