import { OrdergraphError } from '../../errors/index.ts';

/**
 * `invalid_rule`: json-rules-engine refuses it too (addRule/setCondition throw).
 * `unsupported_rule`: json-rules-engine accepts it but its meaning rests on accidents (a priority of
 * `"abc"`, `"constructor"`), so we do not promise to reproduce it.
 */
export type RuleCompileErrorCode =
  | 'invalid_rule'
  | 'unsupported_rule'
  | 'unknown_operator'
  | 'missing_condition'
  | 'condition_cycle';

/** Where in a rule set a compile error sits: a rule (by index and name) or a shared condition. */
export interface RuleSite {
  ruleIndex?: number;
  ruleName?: unknown;
  conditionName?: string;
}

export function describeSite(site: RuleSite): string {
  const shared = site.conditionName === undefined ? '' : `shared condition "${site.conditionName}"`;
  if (site.ruleIndex === undefined) return shared;
  const name = site.ruleName === undefined ? '' : ` "${String(site.ruleName)}"`;
  return `rule #${site.ruleIndex}${name}${shared && ` (in ${shared})`}`;
}

/**
 * A rule set the compiled runtime will not run. `referenceCanRun` says whether json-rules-engine
 * accepts the same rule set: it only fails on an unknown operator, a missing condition or a
 * reference cycle when an order actually reaches it, so the caller may fall back to it knowingly.
 */
export class RuleCompileError extends OrdergraphError {
  readonly code: RuleCompileErrorCode;
  readonly site: RuleSite;
  readonly referenceCanRun: boolean;

  constructor(code: RuleCompileErrorCode, site: RuleSite, detail: string) {
    super(`${describeSite(site)}: ${detail}`, { field: site.conditionName });
    this.code = code;
    this.site = site;
    this.referenceCanRun = code !== 'invalid_rule';
  }
}

/**
 * A run that json-rules-engine would reject too (e.g. `in` against a value with no `indexOf`):
 * the whole order fails, as it does there. The original error is the `cause`.
 */
export class RuleEvaluationError extends OrdergraphError {
  readonly code = 'rule_evaluation_failed';
  readonly site: RuleSite;

  constructor(site: RuleSite, cause: unknown) {
    super(`${describeSite(site)} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.site = site;
    this.cause = cause;
  }
}

/**
 * Facts the compiled runtime does not take: a function (json-rules-engine calls it as a dynamic
 * fact) or a thenable (it awaits it) — evaluate those with the reference engine — and an empty
 * fact name, which json-rules-engine refuses too.
 */
export class UnsupportedFactError extends OrdergraphError {
  readonly code = 'unsupported_fact';

  constructor(fact: string, message: string) {
    super(message, { field: fact });
  }
}
