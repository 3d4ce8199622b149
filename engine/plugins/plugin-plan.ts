import type { PluginManifest } from '../../plugins/sdk/index.ts';
import { PlanChecks } from './plan-checks.ts';
import { planOperators } from './plan-operators.ts';
import type { ActionCall, FactCall, PluginPlan } from './plugin-calls.ts';
import type { PluginPlanIssue } from './plugin-plan-error.ts';
import type { FactPluginUse, PluginUsage } from './plugin-usage.ts';

/** Identifies one action call: the event's params hold the same three things. */
export function actionKey(pluginId: string, version: string, params: Record<string, unknown>): string {
  return JSON.stringify([pluginId, version, params]);
}

/** Matches every use to an installed build and lists what cannot run. */
export function planPlugins(
  usage: PluginUsage,
  manifests: readonly PluginManifest[],
): { plan: PluginPlan; issues: PluginPlanIssue[] } {
  const checks = new PlanChecks(manifests);
  const facts = planFacts(usage.facts, checks);
  checkReads(usage, facts, checks);
  const actions = new Map<string, ActionCall>();
  for (const use of usage.actions) {
    const manifest = checks.build(use, 'action');
    if (manifest === undefined || !checks.paramsFit(use, manifest, use.params)) continue;
    const key = actionKey(use.pluginId, use.version, use.params);
    if (!actions.has(key))
      actions.set(key, { clientId: use.clientId, manifest, site: use, key, params: use.params });
  }
  const operators = planOperators(usage.operators, checks);
  const plan: PluginPlan = {
    facts: [...facts.values()],
    actions: [...actions.values()],
    operators: operators.calls,
    slotName: operators.slotName,
  };
  return { plan, issues: checks.issues };
}

type PlannedFact = FactCall & { provides: Set<string> };

/** One call per fact plugin: its results live at `plugins.<id>`, so two different calls would collide. */
function planFacts(uses: readonly FactPluginUse[], checks: PlanChecks): Map<string, PlannedFact> {
  const calls = new Map<string, PlannedFact>();
  for (const use of uses) {
    const manifest = checks.build(use, 'fact');
    if (manifest === undefined || !checks.paramsFit(use, manifest, use.params)) continue;
    const earlier = calls.get(use.pluginId);
    if (earlier === undefined) {
      const { clientId, params } = use;
      calls.set(use.pluginId, { clientId, manifest, site: use, params, provides: new Set(use.provides) });
    } else if (
      earlier.manifest.version !== use.version ||
      JSON.stringify(earlier.params) !== JSON.stringify(use.params)
    ) {
      const at = `${earlier.site.strategyId}/${earlier.site.nodeId}`;
      const message = `${use.pluginId} is also called at ${at} with another version or params; its facts can have one value per order`;
      checks.report(use, 'plugin_conflict', message);
    } else {
      for (const field of use.provides) earlier.provides.add(field);
    }
  }
  return calls;
}

/** Every `plugins.<id>.<field>` a condition reads must be one a plugin node provides. */
function checkReads(usage: PluginUsage, facts: ReadonlyMap<string, PlannedFact>, checks: PlanChecks): void {
  const declared = new Set(usage.facts.map((use) => use.pluginId));
  for (const read of usage.reads) {
    const path = `plugins.${read.pluginId}.${read.field ?? ''}`;
    const planned = facts.get(read.pluginId);
    if (!declared.has(read.pluginId)) {
      const message = `${path}: no plugin node in these strategies provides facts of ${read.pluginId}`;
      checks.report(read, 'plugin_fact_unknown', message);
    } else if (read.field === undefined || (planned && !planned.provides.has(read.field))) {
      checks.report(
        read,
        'plugin_fact_unknown',
        `${path}: the ${read.pluginId} node does not provide "${read.field ?? ''}"`,
      );
    }
  }
}
