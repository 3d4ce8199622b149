import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installPlugins } from '../../engine/plugins/index.ts';
import { createPipeline, type Pipeline, type PipelineOptions } from '../../engine/runtime/index.ts';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import { hostOptionsFor, PluginHost } from '../../sandbox/index.ts';
import type { PipelineFactorySpec, PluginRunMode } from '../../simulate/threads/messages.ts';

/** What a decide worker needs to run plugins, as plain data (it crosses to the thread). */
export interface PluginPipelineOptions {
  pluginBuilds: BuiltPlugin[];
  pluginMode: PluginRunMode;
}

/**
 * A pipeline with plugins built in a worker thread (a simulation's decide worker, a shadow release):
 * its own one-process sandbox and the builds installed. Replaying, in deterministic mode: a plugin sees
 * the order's pay time as now and a seeded `Math.random` (mixed with the order id), so a replay with
 * plugins decides the same every run; live, as evaluate runs them. The sandbox process ends with the
 * thread (it exits when its parent goes).
 */
export async function createPluginPipeline(
  strategies: Parameters<typeof createPipeline>[0],
  options: PipelineOptions & PluginPipelineOptions,
): Promise<Pipeline> {
  const { pluginBuilds, pluginMode, ...pipelineOptions } = options;
  const manifests = pluginBuilds.map((b) => b.manifest);
  const limits =
    pluginMode.kind === 'live'
      ? { callTimeoutMs: pluginMode.callTimeoutMs, memoryLimitMb: pluginMode.memoryLimitMb }
      : hostOptionsFor(manifests).options;
  const host = new PluginHost({ workers: 1, ...limits });
  const clientId = strategies[0]?.clientId ?? 'simulation';
  const installed = await installPlugins(host, clientId, pluginBuilds);
  if (installed.failures.length > 0) {
    await host.close();
    const failed = installed.failures.map(({ label, error }) => `${label}: ${error.message}`);
    throw new Error(`plugins did not load: ${failed.join('; ')}`);
  }
  return createPipeline(strategies, {
    ...pipelineOptions,
    plugins: {
      runner: host,
      manifests: installed.manifests,
      ...(pluginMode.kind === 'replay' ? { deterministic: { seed: pluginMode.seed } } : {}),
    },
  });
}

/**
 * `simulate({pipelineFactory})` for these builds: this module, loaded by URL in each decide worker; in
 * a build, its bundle beside this one (`import.meta.dirname`: the build rewrites only `import.meta.url`).
 */
export function pluginPipelineFactory(
  builds: readonly BuiltPlugin[],
  mode: PluginRunMode,
): PipelineFactorySpec {
  return {
    module:
      typeof ORDERGRAPH_DIST !== 'undefined'
        ? pathToFileURL(join(import.meta.dirname, 'simulate-plugin-pipeline.js')).href
        : new URL('./plugin-pipeline.ts', import.meta.url).href,
    export: 'createPluginPipeline',
    options: { pluginBuilds: [...builds], pluginMode: mode } satisfies PluginPipelineOptions,
  };
}
