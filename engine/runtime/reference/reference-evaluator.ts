import { Engine } from 'json-rules-engine';
import { registerOperators } from '../../operators/index.ts';
import type { RuleSet } from '../../rules/schema.ts';
import type { RuleEvaluator, RuleHit } from '../evaluator.ts';

function buildEngine(ruleSet: RuleSet): Engine {
  const engine = registerOperators(new Engine([], { allowUndefinedFacts: true }));
  // json-rules-engine rewrites condition priorities in the JSON it is given: give it its own copy.
  const own = structuredClone(ruleSet);
  for (const [name, condition] of Object.entries(own.conditions))
    engine.setCondition(name, condition as never);
  for (const rule of own.rules) engine.addRule(rule as never);
  return engine;
}

/**
 * The reference semantics: json-rules-engine itself, with our operators registered. An Engine
 * keeps run status on itself, so a run that failed, or two runs at once, would corrupt the next
 * one: each run borrows an idle engine, and one that failed is thrown away.
 */
export function createReferenceEvaluator(ruleSet: RuleSet): RuleEvaluator {
  // Built now, so a rule set json-rules-engine refuses fails here rather than on the first order.
  const idle: Engine[] = [buildEngine(ruleSet)];
  return {
    engine: 'reference',
    async evaluate(facts) {
      const engine = idle.pop() ?? buildEngine(ruleSet);
      const { results } = await engine.run(facts);
      idle.push(engine);
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
