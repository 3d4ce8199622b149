import type { CompiledStrategy } from '../compiler/index.ts';
import { fromFactRef } from '../facts/index.ts';
import { type PluginActionParams, PluginActionParamsSchema } from '../nodes/plugin/plugin-action.event.ts';
import { type PluginFactsParams, PluginFactsParamsSchema } from '../nodes/plugin/plugin-facts.event.ts';
import { parsePluginOperator } from '../nodes/plugin/plugin-operator.ts';
import type { FactCondition, NestedCondition } from '../rules/schema.ts';

/** Where in the pipeline a plugin is used: the strategy, and the node when the rule names one. */
export interface UseSite {
  clientId: string;
  strategyId: string;
  nodeId: string;
  rule: string;
}

export interface FactPluginUse extends UseSite, PluginFactsParams {}
export interface ActionPluginUse extends UseSite, PluginActionParams {}

export interface OperatorPluginUse extends UseSite {
  pluginId: string;
  version: string | undefined;
  /** The dotted fact path the condition tests. */
  fact: string;
  value: unknown;
}

/** A condition reading `plugins.<pluginId>.<field>`. */
export interface PluginFactRead extends UseSite {
  pluginId: string;
  field: string | undefined;
}

export interface PluginUsage {
  facts: FactPluginUse[];
  actions: ActionPluginUse[];
  operators: OperatorPluginUse[];
  reads: PluginFactRead[];
}

export const PLUGIN_FACTS = 'plugins';

/** Every plugin the compiled strategies call, and every plugin fact their conditions read. */
export function pluginUsage(strategies: readonly CompiledStrategy[]): PluginUsage {
  const usage: PluginUsage = { facts: [], actions: [], operators: [], reads: [] };
  for (const strategy of strategies) {
    for (const rule of strategy.rules) {
      const site = {
        clientId: strategy.clientId,
        strategyId: strategy.strategyId,
        nodeId: strategy.sourceMap[rule.name]?.emitterId ?? rule.name,
        rule: rule.name,
      };
      const { type, params } = rule.event;
      if (type === 'pluginFacts') {
        const parsed = PluginFactsParamsSchema.safeParse(params);
        if (parsed.success) usage.facts.push({ ...site, ...parsed.data });
      } else if (type === 'pluginAction') {
        const parsed = PluginActionParamsSchema.safeParse(params);
        if (parsed.success) usage.actions.push({ ...site, ...parsed.data });
      }
      eachLeaf(rule.conditions, (leaf) => collectLeaf(leaf, site, usage));
    }
  }
  return usage;
}

export function isUnused(usage: PluginUsage): boolean {
  return !usage.facts.length && !usage.actions.length && !usage.operators.length && !usage.reads.length;
}

function collectLeaf(leaf: FactCondition, site: UseSite, usage: PluginUsage): void {
  const fact = fromFactRef({ fact: leaf.fact, path: leaf.path });
  const operator = parsePluginOperator(leaf.operator);
  if (operator) {
    usage.operators.push({
      ...site,
      pluginId: operator.pluginId,
      version: operator.version,
      fact,
      value: leaf.value,
    });
  }
  const [head, pluginId, field] = fact.split('.');
  if (head === PLUGIN_FACTS && pluginId !== undefined) usage.reads.push({ ...site, pluginId, field });
}

export function eachLeaf(condition: NestedCondition, visit: (leaf: FactCondition) => void): void {
  if ('fact' in condition) visit(condition);
  else if ('all' in condition) for (const c of condition.all) eachLeaf(c, visit);
  else if ('any' in condition) for (const c of condition.any) eachLeaf(c, visit);
  else if ('not' in condition) eachLeaf(condition.not, visit);
}
