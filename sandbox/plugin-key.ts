import type { PluginRef } from '../plugins/sdk/index.ts';

/**
 * The isolate cache, the worker registry and the host all key a build on its ref: JSON of a tuple rather
 * than a joined string, so ids containing the separator cannot collide.
 */
export function pluginKey(ref: PluginRef): string {
  return JSON.stringify([ref.clientId, ref.pluginId, ref.version]);
}
