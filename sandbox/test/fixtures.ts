import { readFileSync } from 'node:fs';
import type { PluginDefinition, PluginRef } from '../../plugins/sdk/index.ts';
import type { LoadedPlugin, PluginHost } from '../host/plugin-host.ts';

/** A projected order of about 300 bytes of JSON: the fields a typical plugin manifest asks for. */
export const sampleOrder = {
  id: 'TB20241111000123',
  platform: 'tmall',
  amounts: { total: 299.5, paid: 299.5, freight: 0 },
  receiver: { province: '浙江省', city: '杭州市', district: '西湖区' },
  buyerMessage: '发顺丰，不要放驿站',
  lines: [
    { sku: 'SKU-LIP-01', qty: 2, price: 99.5 },
    { sku: 'SKU-MASK-03', qty: 1, price: 100.5 },
  ],
  totals: { qty: 3, weightKg: 0.6 },
};

export function threatSource(name: string): string {
  return readFileSync(new URL(`./threats/${name}.js`, import.meta.url), 'utf8');
}

export function refFor(pluginId: string, version = '1'): PluginRef {
  return { clientId: 'client-test', pluginId, version };
}

/** A well-behaved plugin: after each threat, the host must still serve this correctly. */
export const CANARY_SOURCE = `
globalThis.__plugin = {
  run(order) {
    return { id: order.id, qty: order.lines.reduce((sum, line) => sum + line.qty, 0) };
  },
};`;

/** Loads a plugin the test expects to load; anything else fails the test with the reason. */
export async function mustLoad<T>(
  host: PluginHost,
  definition: PluginDefinition<T>,
): Promise<LoadedPlugin<T>> {
  const loaded = await host.load(definition);
  if (!loaded.ok) throw new Error(`load failed: ${JSON.stringify(loaded.error)}`);
  return loaded.plugin;
}
