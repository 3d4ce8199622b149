import { Engine } from 'json-rules-engine';
import { registerOperators } from '../../operators/index.ts';
import type { RuleSet } from '../../rules/schema.ts';
import type { RuleEvaluator, RuleHit } from '../evaluator.ts';

/** The reference semantics: json-rules-engine itself, with our operators registered. */
export function createReferenceEvaluator(ruleSet: RuleSet): RuleEvaluator {
  const engine = registerOperators(new Engine([], { allowUndefinedFacts: true }));
  for (const [name, condition] of Object.entries(ruleSet.conditions)) {
    engine.setCondition(name, condition as never);
  }
  for (const rule of ruleSet.rules) engine.addRule(rule as never);
  return {
    engine: 'reference',
    async evaluate(facts) {
      const { results } = await engine.run(facts);
      return results.map(
        (result): RuleHit => ({
          name: result.name as string | undefined,
          priority: result.priority ?? 1,
          event: structuredClone(result.event as RuleHit['event']),
        }),
      );
    },
  };
}
