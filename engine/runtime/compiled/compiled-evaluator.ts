import { OrdergraphError } from '../../errors/index.ts';
import type { RuleSet } from '../../rules/schema.ts';
import type { RuleEvaluator, RuleHit } from '../evaluator.ts';
import { RuleEvaluationError, UnsupportedFactError } from './compile-errors.ts';
import { compileRuleSet } from './compile-rule-set.ts';
import { emitPlan } from './emit-plan.ts';
import type { Facts } from './fact-accessor.ts';

export interface CompiledEvaluator extends RuleEvaluator {
  readonly engine: 'compiled';
  /** The hits json-rules-engine's `run` reports as `results`, same rules, same order. Synchronous. */
  evaluate(facts: Facts): RuleHit[];
  /**
   * `evaluate(facts)[0]`, stopping as soon as no later rule could change the answer — none can
   * fire earlier, and none can throw (json-rules-engine fails the whole run when one does).
   */
  firstHit(facts: Facts): RuleHit | undefined;
  /**
   * The facts (by name) whose values `evaluate` checks before any rule: it refuses a function, or an
   * object with a `then` function, as json-rules-engine would call or await it.
   */
  readonly loads: readonly string[];
  /**
   * `evaluate` for facts the caller has found plain (`plainFactsCheck(loads)` true for these very
   * values and keys), without checking them again: a pipeline checks an order's facts once, not at
   * each stage. The fired rules are written into `fired` from index 0, each as its index in the rule
   * set (its hit is `ruleHits[index]`; what lies beyond is left as it was), and their number
   * returned: a pipeline keeps one array per stage, not a new one per order, and finds what it keeps
   * per rule by index, not by name.
   */
  evaluatePlain(facts: Facts, fired: number[]): number;
  /** Each rule's hit, by its index in the rule set: the one object `evaluate` hands out for it. */
  readonly ruleHits: readonly RuleHit[];
}

const NO_FACTS: Facts = Object.freeze({});

/**
 * Compiles a rule set once into synchronous closures deciding exactly what json-rules-engine
 * (with our operators and `allowUndefinedFacts`) decides. Throws RuleCompileError for what it will
 * not run; see `canCompile`.
 */
export function createCompiledEvaluator(ruleSet: RuleSet): CompiledEvaluator {
  const { groups, eager, hits: ruleHits } = compileRuleSet(ruleSet);
  const slots: unknown[] = new Array(eager.length);
  const plan = emitPlan(groups, eager, { slots, fail });
  const loads = [...new Set(eager.flatMap((read) => (typeof read.fact === 'string' ? [read.fact] : [])))];

  /** json-rules-engine takes no facts as an empty set, and refuses to run with a fact named "". */
  function load(input: Facts | null | undefined): Facts {
    const facts = input ?? NO_FACTS;
    if (Object.hasOwn(facts, '')) {
      throw new UnsupportedFactError('', 'a fact with an empty name (json-rules-engine refuses the run)');
    }
    return facts;
  }

  /** Rare path: rerun the rules one by one to name the one that failed. */
  function fail(error: unknown, facts: Facts): never {
    if (error instanceof OrdergraphError) throw error;
    for (const group of groups) {
      for (const rule of group.rules) {
        try {
          rule.test(facts, slots);
        } catch (cause) {
          throw new RuleEvaluationError(rule.site, cause);
        }
      }
    }
    throw new RuleEvaluationError({}, error);
  }

  return {
    engine: 'compiled',
    evaluate(input) {
      const fired: number[] = [];
      const facts = load(input);
      try {
        // Fills the slots, then decides; a plain-data refusal is an OrdergraphError and passes through.
        plan.evaluate(facts, slots, fired);
      } catch (error) {
        fail(error, facts);
      }
      return fired.map((index) => ruleHits[index]!);
    },
    loads,
    evaluatePlain: plan.evaluatePlain,
    ruleHits,
    firstHit(input) {
      const facts = load(input);
      try {
        return plan.firstHit(facts, slots);
      } catch (error) {
        fail(error, facts);
      }
    },
  };
}
