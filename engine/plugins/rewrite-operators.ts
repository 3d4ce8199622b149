import type { CompiledStrategy } from '../compiler/index.ts';
import { fromFactRef } from '../facts/index.ts';
import { parsePluginOperator } from '../nodes/plugin/plugin-operator.ts';
import type { NestedCondition } from '../rules/schema.ts';
import type { PluginPlan } from './plugin-calls.ts';

/** The fact the pipeline adds per order: each planned operator slot's answer. */
export const PLUGIN_OPERATORS = 'pluginOperators';

/**
 * Rule JSON keeps `plugin:<id>` operators as written, for integrators who register their own. Neither
 * of our runtimes can call a sandbox from inside a condition, so for them each such condition becomes a
 * test of the answer computed before the stages: `pluginOperators.<slot> equal true`.
 */
export function rewriteOperators(
  strategies: readonly CompiledStrategy[],
  plan: PluginPlan,
): CompiledStrategy[] {
  return strategies.map((strategy) => ({
    ...strategy,
    rules: strategy.rules.map((rule) => ({
      ...rule,
      conditions: rewrite(rule.conditions, plan) as typeof rule.conditions,
    })),
  }));
}

function rewrite(condition: NestedCondition, plan: PluginPlan): NestedCondition {
  if ('fact' in condition) {
    const operator = parsePluginOperator(condition.operator);
    if (operator === undefined) return condition;
    const fact = fromFactRef({ fact: condition.fact, path: condition.path });
    const slot = plan.slotName(operator, fact, condition.value);
    // Unplanned uses were reported by planPlugins, and createPipeline refuses to start with any.
    if (slot === undefined) return condition;
    return { ...condition, fact: PLUGIN_OPERATORS, path: `$.${slot}`, operator: 'equal', value: true };
  }
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => rewrite(c, plan)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => rewrite(c, plan)) };
  if ('not' in condition) return { ...condition, not: rewrite(condition.not, plan) };
  return condition;
}
