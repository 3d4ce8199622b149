import { z } from 'zod';

const idSchema = z.string().min(1).max(200);

/** Names one immutable plugin build: the isolate cache, the worker registry and the host all key on it. */
export const PluginRefSchema = z.object({
  clientId: idSchema,
  pluginId: idSchema,
  version: idSchema,
});
export type PluginRef = z.infer<typeof PluginRefSchema>;

/** JSON of a tuple rather than a joined string, so ids containing the separator cannot collide. */
export function pluginKey(ref: PluginRef): string {
  return JSON.stringify([ref.clientId, ref.pluginId, ref.version]);
}
