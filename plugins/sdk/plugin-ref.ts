import { z } from 'zod';

const idSchema = z.string().min(1).max(200);

/** Names one immutable plugin build: whoever runs plugins loads and calls them by it. */
export const PluginRefSchema = z.object({
  clientId: idSchema,
  pluginId: idSchema,
  version: idSchema,
});
export type PluginRef = z.infer<typeof PluginRefSchema>;
