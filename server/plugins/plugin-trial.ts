import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PluginTrialAnswer } from '../../api/index.ts';
import { issueMessage } from '../../engine/errors/index.ts';
import { projectFields } from '../../engine/order/project-fields.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import {
  type BuiltPlugin,
  type PluginRunner,
  paramsSchema,
  pluginLabel,
  resultSchema,
} from '../../plugins/sdk/index.ts';
import { ApiError } from '../errors/api-error.ts';

/** Loaded apart from every real client's plugins (and from the upload check's). */
const TRIAL_CLIENT = 'ordergraph-plugin-trial';

export interface TrialCall {
  order: StandardOrder;
  params: Record<string, unknown>;
  /** Operator plugins: the order field tested and the rule's value. */
  operand?: { fact: string; value: unknown } | undefined;
}

/**
 * Runs one build once on one order, as a pipeline would call it: the fields its manifest reads (or an
 * operator's two operands) and the params, in a fresh isolate of the production pool (its CPU and
 * memory limits), its answer checked against the manifest's outputs. A plugin that throws, loops or
 * blows its memory answers a typed failure, never an HTTP error: that is what the developer came to see.
 */
export async function runTrial(
  runner: PluginRunner,
  plugin: BuiltPlugin,
  call: TrialCall,
): Promise<PluginTrialAnswer> {
  const { manifest, code } = plugin;
  const label = pluginLabel(manifest);
  const params = manifest.kind === 'operator' ? {} : checkParams(label, manifest.inputs, call.params);
  const subject = subjectOf(plugin, call);
  const base = { plugin: label, kind: manifest.kind, orderId: call.order.id, input: { subject, params } };
  const ref = {
    clientId: TRIAL_CLIENT,
    pluginId: manifest.id,
    version: `${manifest.version}-${randomUUID()}`,
  };
  const started = performance.now();
  const loaded = await runner.load({ ...ref, code, outputSchema: resultSchema(manifest) });
  if (!loaded.ok) {
    return { ...base, ok: false, error: failure(loaded.error), wallMs: round(performance.now() - started) };
  }
  try {
    const callStarted = performance.now();
    const [result] = await runner.callBatch(ref, [{ subject, params }]);
    const wallMs = round(performance.now() - callStarted);
    if (!result) throw new Error(`the sandbox answered no result for ${label}`);
    return result.ok
      ? { ...base, ok: true, value: result.value, wallMs }
      : { ...base, ok: false, error: failure(result.error), wallMs };
  } finally {
    await runner.unload(ref);
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const failure = (error: { code: string; message: string }) => ({ code: error.code, message: error.message });

/** The params as the compiler checks a node's: a form left incomplete is named field by field. */
function checkParams(
  label: string,
  inputs: Parameters<typeof paramsSchema>[0],
  params: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = paramsSchema(inputs).safeParse(params);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = ['params', ...issue.path.map(String), ...keys.slice(0, 1)].join('.');
    return { path, message: issueMessage(issue) };
  });
  throw new ApiError(
    422,
    'plugin_params_invalid',
    `the params do not match the inputs of ${label}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

function subjectOf(plugin: BuiltPlugin, call: TrialCall): unknown {
  const { manifest } = plugin;
  if (manifest.kind !== 'operator') return projectFields(call.order, manifest.reads);
  if (!call.operand) {
    throw new ApiError(
      422,
      'plugin_operand_missing',
      `${pluginLabel(manifest)} is an operator plugin: say which order field it tests and against what value (operand)`,
    );
  }
  const { fact, value } = call.operand;
  return { fact: readPath(call.order, fact), value };
}

/** The value at a dotted path of the order; undefined where the path runs out. */
function readPath(order: StandardOrder, path: string): unknown {
  let at: unknown = order;
  for (const segment of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}
