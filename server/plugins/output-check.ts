import { randomUUID } from 'node:crypto';
import { adaptOrder } from '../../engine/order/adapters/index.ts';
import { projectFields } from '../../engine/order/project-fields.ts';
import {
  type BuiltPlugin,
  type PluginFailure,
  type PluginRunner,
  resultSchema,
} from '../../plugins/sdk/index.ts';

/** Loaded apart from every real client's plugins. */
const CHECK_CLIENT = 'ordergraph-upload-check';

/** An ordinary paid Tmall order: what a plugin's `run` must answer as its manifest says, at the least. */
const SAMPLE_ORDER = adaptOrder('standard', {
  id: 'UPLOAD-CHECK-1',
  platform: 'tmall',
  createdAt: '2026-11-11T00:00:05+08:00',
  paidAt: '2026-11-11T00:00:09+08:00',
  amounts: { total: 278, paid: 278 },
  buyer: { id: 'b-check', nick: '买家', memberLevel: 1 },
  receiver: {
    name: '王*',
    phone: '138****5678',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    address: '文三路 90 号',
  },
  buyerMessage: '请尽快发货',
  lines: [{ sku: 'SKU-1', name: '面霜', qty: 2, price: 139, weightKg: 0.2 }],
});

/**
 * Runs a fresh build once on a sample order, with the output schema its manifest declares, in a
 * throwaway isolate: a manifest that says one thing while `run` returns another (the output check
 * the pipeline would hold every order on) is refused at upload. Only that: a plugin that throws or
 * times out on the sample may need params or fields the sample lacks, and is judged on real orders.
 */
export async function checkOutputs(
  runner: PluginRunner,
  plugin: BuiltPlugin,
): Promise<PluginFailure | undefined> {
  const { manifest, code } = plugin;
  if (manifest.kind === 'operator') return undefined;
  const ref = {
    clientId: CHECK_CLIENT,
    pluginId: manifest.id,
    version: `${manifest.version}-${randomUUID()}`,
  };
  const loaded = await runner.load({ ...ref, code, outputSchema: resultSchema(manifest) });
  if (!loaded.ok) return undefined;
  try {
    const subject = projectFields(SAMPLE_ORDER, manifest.reads);
    const [result] = await runner.callBatch(ref, [{ subject, params: {} }], {
      deterministic: { seed: 1, now: SAMPLE_ORDER.paidAt ?? SAMPLE_ORDER.createdAt },
    });
    return result && !result.ok && result.error.code === 'plugin_output_invalid' ? result.error : undefined;
  } finally {
    await runner.unload(ref);
  }
}
