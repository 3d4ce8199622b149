import type { FactManifest } from '../../plugins/sdk/index.ts';
import type { CompiledStrategy } from '../compiler/index.ts';
import { type FactRef, fromFactRef, toFactRef } from '../facts/index.ts';
import type { FactCondition, NestedCondition } from '../rules/schema.ts';
import { eachLeaf, PLUGIN_FACTS } from './plugin-usage.ts';
import { PLUGIN_OPERATORS } from './rewrite-operators.ts';

/**
 * A rule that reads a plugin's answer for an order fires only if the plugin answered for that order. A
 * failed plugin holds the order, but its answer would read as missing, and a condition such as
 * `plugins.addressRisk.level notEqual "high"`, or any test under a `not` or on a false branch, holds
 * of a missing value: the rule would fire on what the plugin never said. So each rule reading plugin
 * answers (after rewriteOperators) becomes `all: [guards…, its conditions]`, a guard per answer read:
 * - `plugins.<id>.<field> notEqual null`: a fact plugin's output schema admits no null, and the
 *   precompute sets every field of a failed one to null (failedFacts);
 * - `pluginOperators.<slot> in [true, false]`: an operator's answer, absent when it failed.
 * Each guard reads the path of the condition it guards, so traces list no fact a rule did not read.
 */
export function failClosed(strategies: readonly CompiledStrategy[]): CompiledStrategy[] {
  return strategies.map((strategy) => ({
    ...strategy,
    rules: strategy.rules.map((rule) => {
      const guards = guardsFor(rule.conditions);
      if (guards.length === 0) return rule;
      return { ...rule, conditions: { all: [...guards, rule.conditions] } };
    }),
  }));
}

/** A failed fact plugin's answer for an order: every field null, which no answer of it ever is. */
export function failedFacts(manifest: FactManifest): Record<string, null> {
  return Object.fromEntries(Object.keys(manifest.outputs).map((field) => [field, null]));
}

function guardsFor(conditions: NestedCondition): FactCondition[] {
  const guards = new Map<string, FactCondition>();
  eachLeaf(conditions, (leaf) => {
    for (const ref of [leaf, referencedFact(leaf.value)]) {
      const guard = ref && guardOf(ref);
      if (guard) guards.set(fromFactRef(guard), guard);
    }
  });
  return [...guards.values()];
}

/** A condition may compare with another fact: `value: { fact, path }`. */
function referencedFact(value: unknown): FactRef | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { fact, path } = value as { fact?: unknown; path?: unknown };
  if (typeof fact !== 'string') return undefined;
  return typeof path === 'string' ? { fact, path } : { fact };
}

function guardOf(ref: FactRef): FactCondition | undefined {
  const [head, name, field] = fromFactRef(ref).split('.');
  if (name === undefined) return undefined;
  if (head === PLUGIN_OPERATORS) {
    return { ...toFactRef(`${head}.${name}`), operator: 'in', value: [true, false] };
  }
  if (head === PLUGIN_FACTS && field !== undefined) {
    return { ...toFactRef(`${head}.${name}.${field}`), operator: 'notEqual', value: null };
  }
  return undefined;
}
