import { readFileSync } from 'node:fs';
import { describeZodIssues, InputError } from '../../engine/errors/index.ts';
import { readPath } from '../../engine/facts/index.ts';
import { pluginErrorMessage } from '../../engine/nodes/plugin/plugin-error.ts';
import { orderPaths } from '../../engine/order/order-paths.ts';
import { projectFields } from '../../engine/order/project-fields.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { orderClock } from '../../engine/plugins/index.ts';
import { parseJson } from '../../engine/strategies/index.ts';
import {
  BUILT_PLUGIN_SUFFIX,
  buildPlugin,
  formatBuildIssue,
  readBuiltPlugin,
} from '../../plugins/build/index.ts';
import {
  type BuiltPlugin,
  type PluginCallInput,
  type PluginManifest,
  paramsSchema,
  pluginLabel,
  resultSchema,
} from '../../plugins/sdk/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { openHost } from './plugin-support.ts';
import { type Platform, readOrder } from './read-order.ts';

export interface PluginTestOptions {
  order: string;
  platform?: Platform;
  /** JSON object of the node params. */
  params?: string;
  /** Operator plugins: the order field tested, and the rule value (JSON, or plain text). */
  fact?: string;
  value?: string;
  table?: string[];
  /** Deterministic mode: the order's pay time as now, Math.random seeded. */
  seed?: number;
}

/**
 * `ordergraph plugin test <plugin> --order <file>`: runs a plugin (built, or a source built first) on one
 * order in the real sandbox, exactly as a pipeline would call it, and prints its result, or its error.
 */
export async function pluginTestCommand(pluginPath: string, options: PluginTestOptions): Promise<void> {
  const plugin = await readPlugin(pluginPath);
  const { manifest } = plugin;
  const order = readOrder(options.order, options.platform);
  const input = callInput(manifest, order, options);
  const host = openHost([manifest], options.table);
  try {
    const ref = { clientId: 'plugin-test', pluginId: manifest.id, version: manifest.version };
    const loaded = await host.load({ ...ref, code: plugin.code, outputSchema: resultSchema(manifest) });
    if (!loaded.ok) return fail(pluginErrorMessage(pluginLabel(manifest), loaded.error));
    const clock =
      options.seed === undefined ? {} : { deterministic: orderClock(order, { seed: options.seed }) };
    const [result] = await loaded.plugin.callBatch([input], clock);
    if (!result!.ok) return fail(pluginErrorMessage(pluginLabel(manifest), result!.error));
    process.stdout.write(`${JSON.stringify(result!.value, null, 2)}\n`);
  } finally {
    await host.close();
  }
}

/** A built `*.plugin.json`, or a source built first (in a host of its own, closed before the test's). */
async function readPlugin(path: string): Promise<BuiltPlugin> {
  if (path.endsWith(BUILT_PLUGIN_SUFFIX)) return readBuiltPlugin(path);
  const host = openHost([]);
  try {
    const built = await buildPlugin(readFileSync(path, 'utf8'), path, host);
    if (built.ok) return built.plugin;
    for (const issue of built.issues) process.stderr.write(`${formatBuildIssue(issue)}\n`);
    throw new CliExit(EXIT.invalid);
  } finally {
    await host.close();
  }
}

function callInput(
  manifest: PluginManifest,
  order: StandardOrder,
  options: PluginTestOptions,
): PluginCallInput {
  if (manifest.kind === 'operator') {
    const { fact, value } = options;
    if (fact === undefined || value === undefined) {
      throw new InputError(
        'operand_missing',
        `${manifest.id} is an operator: give --fact <order field> and --value <value>`,
      );
    }
    if (!orderPaths().has(fact))
      throw new InputError('fact_unknown', `no order has a field "${fact}"`, { field: '--fact' });
    return { subject: { fact: readPath(order, fact) ?? null, value: jsonOrText(value) }, params: {} };
  }
  const params = options.params === undefined ? {} : parseJson(options.params, '--params');
  const parsed = paramsSchema(manifest.inputs).safeParse(params);
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error).map((i) => `${i.field || '(params)'}: ${i.message}`);
    throw new InputError(
      'params_invalid',
      `--params do not fit ${pluginLabel(manifest)}: ${problems.join('; ')}`,
      {
        field: '--params',
      },
    );
  }
  return { subject: projectFields(order, manifest.reads), params: parsed.data };
}

/** `--value urge` is the text urge; `--value 3` or `--value '["a"]'` is JSON. */
function jsonOrText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  throw new CliExit(EXIT.invalid);
}
