import type { PluginManifest, PluginRunner } from '../../plugins/sdk/index.ts';
import type { CompiledStrategy } from '../compiler/index.ts';
import type { StandardOrder } from '../order/schema.ts';
import type { DeterministicPlugins } from './deterministic-clock.ts';
import { failClosed } from './fail-closed.ts';
import type { OrderPlugins } from './order-plugins.ts';
import { planPlugins } from './plugin-plan.ts';
import { PluginPlanError } from './plugin-plan-error.ts';
import { isUnused, pluginUsage } from './plugin-usage.ts';
import { batchPrecompute } from './precompute-batch.ts';
import { rewriteOperators } from './rewrite-operators.ts';

/**
 * What a pipeline needs to run plugins: a runner (the CLI gives the sandbox's host) with the builds
 * loaded (see installPlugins), and their manifests.
 */
export interface PipelinePlugins {
  runner: PluginRunner;
  manifests: readonly PluginManifest[];
  /** Simulation: each order's plugins see its pay time as now and a seeded `Math.random`. */
  deterministic?: DeterministicPlugins;
}

/** The pipeline's plugin step: the strategies as its runtimes run them, and the per-batch precompute. */
export interface PluginStep {
  strategies: CompiledStrategy[];
  precompute(orders: readonly StandardOrder[]): Promise<OrderPlugins[]>;
}

/**
 * Plans the plugin calls of a pipeline's strategies once, when the pipeline is built. Undefined when
 * they use no plugin; throws PluginPlanError, listing every problem, when they use one that cannot run.
 */
export function preparePlugins(
  strategies: readonly CompiledStrategy[],
  plugins: PipelinePlugins | undefined,
): PluginStep | undefined {
  const usage = pluginUsage(strategies);
  if (isUnused(usage)) return undefined;
  const { plan, issues } = planPlugins(usage, plugins?.manifests ?? []);
  if (plugins === undefined) {
    const first = [...usage.facts, ...usage.actions, ...usage.operators, ...usage.reads][0]!;
    throw new PluginPlanError([
      {
        code: 'plugin_unavailable',
        strategyId: first.strategyId,
        nodeId: first.nodeId,
        rule: first.rule,
        message: `uses plugin ${first.pluginId}, and the pipeline has no plugin host (ordergraph run … --plugins <dir>)`,
      },
    ]);
  }
  if (issues.length) throw new PluginPlanError(issues);
  const options = { runner: plugins.runner, deterministic: plugins.deterministic };
  return {
    strategies: failClosed(rewriteOperators(strategies, plan)),
    precompute: batchPrecompute(plan, options),
  };
}
