import { pluginLabel } from '../../plugins/sdk/index.ts';
import { factCatalogue } from '../facts/index.ts';
import type { PluginOperatorName } from '../nodes/plugin/plugin-operator.ts';
import { orderPaths } from '../order/order-paths.ts';
import type { PlanChecks } from './plan-checks.ts';
import type { OperatorCall } from './plugin-calls.ts';
import type { OperatorPluginUse } from './plugin-usage.ts';

export interface OperatorPlan {
  calls: OperatorCall[];
  /** The slot a `plugin:` condition reads once rewritten; undefined when it was not planned. */
  slotName(operator: PluginOperatorName, fact: string, value: unknown): string | undefined;
}

/** One call per operator build, with one slot per distinct (fact, value) its conditions use. */
export function planOperators(uses: readonly OperatorPluginUse[], checks: PlanChecks): OperatorPlan {
  const calls = new Map<string, OperatorCall>();
  const slots = new Map<string, string>();
  const versions = new Map<string, string>();
  for (const use of uses) {
    const version = use.version ?? checks.onlyVersion(use);
    if (version === undefined) continue;
    if (use.version === undefined) versions.set(use.pluginId, version);
    if (!(orderPaths().has(use.fact) && factCatalogue().has(use.fact))) {
      const message = `plugin:${use.pluginId} tests ${use.fact}; operator plugins run before any stage, so they test order fields only`;
      checks.report(use, 'plugin_operator_fact', message);
      continue;
    }
    const manifest = checks.build({ ...use, version }, 'operator');
    if (manifest === undefined) continue;
    const label = pluginLabel(manifest);
    let call = calls.get(label);
    if (call === undefined) {
      call = { clientId: use.clientId, manifest, site: use, slots: [] };
      calls.set(label, call);
    }
    const key = slotKey(use.pluginId, version, use.fact, use.value);
    if (slots.has(key)) continue;
    const name = `${use.pluginId}_${call.slots.length}`;
    slots.set(key, name);
    call.slots.push({ name, fact: use.fact, value: use.value });
  }
  return {
    calls: [...calls.values()],
    slotName: (operator, fact, value) => {
      const version = operator.version ?? versions.get(operator.pluginId);
      return version === undefined ? undefined : slots.get(slotKey(operator.pluginId, version, fact, value));
    },
  };
}

function slotKey(pluginId: string, version: string, fact: string, value: unknown): string {
  return JSON.stringify([pluginId, version, fact, value]);
}
