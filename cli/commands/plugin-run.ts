import type { Client } from '../../engine/client/index.ts';
import { type CompiledStrategy, compileStrategy } from '../../engine/compiler/index.ts';
import { InputError } from '../../engine/errors/index.ts';
import { findClient, readJsonFile, strategyFiles } from '../../engine/loader/index.ts';
import { pluginErrorMessage } from '../../engine/nodes/plugin/plugin-error.ts';
import { installPlugins, type PipelinePlugins, PluginPlanError } from '../../engine/plugins/index.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import { readBuiltPlugins } from '../../plugins/build/index.ts';
import type { PluginManifest } from '../../plugins/sdk/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';
import { openHost } from './plugin-support.ts';
import { type Platform, readOrder } from './read-order.ts';

export interface RunWithPluginsOptions {
  strategy?: string;
  order?: string;
  rules?: string;
  platform?: Platform;
  trace?: boolean;
  engine: EngineName;
  /** A folder of built plugins (`*.plugin.json`). */
  plugins: string;
  table?: string[];
}

/**
 * `ordergraph run … --plugins <dir>`: the strategies compiled against the built plugins' manifests,
 * the plugins loaded into a sandbox host for the strategies' client, one order decided, and the host
 * closed so the process can exit.
 */
export async function runWithPluginsCommand(options: RunWithPluginsOptions): Promise<void> {
  const { strategy, order: orderFile } = options;
  if (strategy === undefined || orderFile === undefined || options.rules !== undefined) {
    throw new InputError(
      'usage',
      'run --plugins needs --strategy and --order (plain --rules run no plugins)',
    );
  }
  const plugins = readBuiltPlugins(options.plugins);
  const manifests = plugins.map((p) => p.manifest);
  const client = findClient(strategy);
  const compiled = compileAll(strategy, client, manifests);
  const order = readOrder(orderFile, options.platform);
  const host = openHost(manifests, options.table);
  try {
    for (const clientId of new Set(compiled.map((s) => s.clientId))) {
      const { failures } = await installPlugins(host, clientId, plugins);
      for (const { label, error } of failures)
        process.stderr.write(`error: ${pluginErrorMessage(label, error)}\n`);
      if (failures.length) throw new CliExit(EXIT.invalid);
    }
    const pipeline = pipelineOrExit(compiled, options, client, { runner: host, manifests });
    const decision = await pipeline.decide(order);
    process.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
  } finally {
    await host.close();
  }
}

/** As loadPipeline compiles, with the manifests in the context so plugin nodes are checked against them. */
function compileAll(
  path: string,
  client: Client | undefined,
  manifests: PluginManifest[],
): CompiledStrategy[] {
  const results = strategyFiles(path).map((file) => ({
    file,
    result: compileStrategy(readJsonFile(file), { client, plugins: manifests }),
  }));
  const broken = results.filter((r) => !r.result.ok);
  for (const { file, result } of broken) process.stderr.write(`${formatIssues(file, result.issues)}\n`);
  if (broken.length) throw new CliExit(EXIT.invalid);
  return results.map((r) => (r.result as { compiled: CompiledStrategy }).compiled);
}

/** Plugin uses that cannot run (a condition reading a plugin fact no node provides …) exit 1, listed. */
function pipelineOrExit(
  compiled: CompiledStrategy[],
  options: RunWithPluginsOptions,
  client: Client | undefined,
  plugins: PipelinePlugins,
): Pipeline {
  try {
    return createPipeline(compiled, {
      engine: options.engine,
      trace: options.trace ?? false,
      client,
      plugins,
    });
  } catch (error) {
    if (!(error instanceof PluginPlanError)) throw error;
    for (const issue of error.issues) {
      process.stderr.write(`error [${issue.code}] ${issue.strategyId}/${issue.nodeId}: ${issue.message}\n`);
    }
    throw new CliExit(EXIT.invalid);
  }
}
