import { readFileSync } from 'node:fs';
import { normaliseOrder } from '../../engine/order/normalise.ts';
import { projectFields } from '../../engine/order/project-fields.ts';
import type { StandardOrder, StandardOrderInput } from '../../engine/order/schema.ts';
import { buildPlugin, formatBuildIssue } from '../build/index.ts';
import { type BuiltPlugin, type PluginResult, type PluginRunner, resultSchema } from '../sdk/index.ts';

export type SampleName = 'address-risk' | 'gift-stock' | 'remark-classifier';

export function sampleFile(name: SampleName): string {
  return new URL(`./${name}/${name}.plugin.ts`, import.meta.url).pathname;
}

/** Builds a sample plugin for real (esbuild, then its manifest read in the sandbox), or fails the test. */
export async function buildSample(runner: PluginRunner, name: SampleName): Promise<BuiltPlugin> {
  const file = sampleFile(name);
  const built = await buildPlugin(readFileSync(file, 'utf8'), file, runner);
  if (!built.ok) throw new Error(built.issues.map(formatBuildIssue).join('\n'));
  return built.plugin;
}

const CLIENT = 'samples';

/** Loads a build with its manifest's result schema and calls it once per subject, as the engine does. */
export async function runSample(
  runner: PluginRunner,
  plugin: BuiltPlugin,
  subjects: readonly unknown[],
  params: Record<string, unknown> = {},
): Promise<PluginResult[]> {
  const { manifest, code } = plugin;
  const ref = { clientId: CLIENT, pluginId: manifest.id, version: manifest.version };
  const loaded = await runner.load({ ...ref, code, outputSchema: resultSchema(manifest) });
  if (!loaded.ok) throw new Error(`load failed: ${JSON.stringify(loaded.error)}`);
  const reads = manifest.kind === 'operator' ? [] : manifest.reads;
  const inputs = subjects.map((subject) => ({
    subject: manifest.kind === 'operator' ? subject : projectFields(subject, reads),
    params,
  }));
  return runner.callBatch(ref, inputs);
}

/** A standard order around a receiver, lines and remarks a test cares about. */
export function testOrder(
  overrides: Partial<Omit<StandardOrderInput, 'receiver'>> & {
    receiver?: Partial<StandardOrderInput['receiver']>;
  } = {},
): StandardOrder {
  const { receiver, ...rest } = overrides;
  return normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:05+08:00',
    paidAt: '2026-11-11T00:00:09+08:00',
    amounts: { total: 199 },
    buyer: { id: 'b-1', nick: 'buyer', memberLevel: 0 },
    receiver: {
      name: '王*',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '文三路 478 号华星时代广场 A 座 1201',
      ...receiver,
    },
    lines: [{ sku: 'SKU-A', qty: 1, price: 199 }],
    ...rest,
  });
}

/** The value of a result the test expects to succeed. */
export function resultValue(result: PluginResult | undefined): unknown {
  if (!result?.ok) throw new Error(`plugin failed: ${JSON.stringify(result)}`);
  return result.value;
}
