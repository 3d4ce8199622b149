import type { RuleEvent, RuleSet } from '../rules/schema.ts';

export const ENGINE_NAMES = ['compiled', 'reference'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A rule that fired for one set of facts. */
export interface RuleHit {
  name: string | undefined;
  priority: number;
  event: RuleEvent;
}

/**
 * Decides one set of facts against one rule set: the fired rules, in the order json-rules-engine
 * emits their events. Both runtimes implement it; the differential suite holds them equal.
 */
export interface RuleEvaluator {
  readonly engine: EngineName;
  evaluate(facts: Record<string, unknown>): RuleHit[] | Promise<RuleHit[]>;
}

export type EvaluatorFactory = (ruleSet: RuleSet) => RuleEvaluator;
