import type { RuleSet } from '../rules/schema.ts';
import type { EngineName, RuleEvaluator } from './evaluator.ts';
import { createReferenceEvaluator } from './reference/reference-evaluator.ts';

export function createEvaluator(ruleSet: RuleSet, engine: EngineName): RuleEvaluator {
  switch (engine) {
    case 'reference':
      return createReferenceEvaluator(ruleSet);
    case 'compiled':
      return createReferenceEvaluator(ruleSet);
  }
}
