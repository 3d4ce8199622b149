import type { RuleSet } from '../../rules/schema.ts';
import { createCompiledEvaluator } from '../compiled/index.ts';
import type { RuleHit } from '../evaluator.ts';
import { createReferenceEvaluator } from '../reference/reference-evaluator.ts';

/** What one runtime made of one set of facts: its hits, or that it failed the run. */
export type Outcome = { hits: RuleHit[] } | { failed: true };

/**
 * Each runtime gets its own copy: json-rules-engine rewrites condition priorities in the rule JSON
 * it is given, which would leak into the other runtime.
 */
function copy(ruleSet: RuleSet): RuleSet {
  return JSON.parse(JSON.stringify(ruleSet)) as RuleSet;
}

export interface Outcomes {
  compiled: Outcome[];
  reference: Outcome[];
}

export async function runBoth(
  ruleSet: RuleSet,
  factsList: readonly Record<string, unknown>[],
): Promise<Outcomes> {
  const compiled = createCompiledEvaluator(copy(ruleSet));
  const outcomes: Outcomes = { compiled: [], reference: [] };
  for (const facts of factsList) {
    try {
      outcomes.compiled.push({ hits: compiled.evaluate(facts) });
    } catch {
      outcomes.compiled.push({ failed: true });
    }
    try {
      // A fresh engine per run: after a failed run, json-rules-engine's leftover promise chain
      // marks the engine FINISHED in the middle of the next run, which then skips rules.
      const reference = createReferenceEvaluator(copy(ruleSet));
      outcomes.reference.push({ hits: await reference.evaluate(facts) });
    } catch {
      outcomes.reference.push({ failed: true });
    }
  }
  return outcomes;
}
