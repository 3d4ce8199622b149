import { z } from 'zod';
import { PLUGIN_IDENTIFIER, SemverSchema } from '../../../plugins/sdk/index.ts';

const pluginId = z.string().regex(PLUGIN_IDENTIFIER, 'a plugin id: camelCase letters and digits');
const params = z.record(z.string(), z.unknown()).default(() => ({}));

/** Calls a fact plugin; conditions after the node test `plugins.<pluginId>.<field>` for each field in `provides`. */
const FactPluginSchema = z.object({
  pluginKind: z.literal('fact'),
  pluginId,
  version: SemverSchema,
  params,
  provides: z.array(z.string().regex(PLUGIN_IDENTIFIER, 'a field name')).min(1, 'name the facts it provides'),
});

/** Calls an action plugin for the orders that reach the node and applies its result to the decision. */
const ActionPluginSchema = z.object({
  pluginKind: z.literal('action'),
  pluginId,
  version: SemverSchema,
  params,
});

/** Branches on an operator plugin: `<fact> plugin:<pluginId>@<version> <value>` goes down "yes". */
const OperatorPluginSchema = z.object({
  pluginKind: z.literal('operator'),
  pluginId,
  version: SemverSchema,
  fact: z.string().min(1, 'choose a field'),
  value: z.unknown(),
});

export const PluginContentSchema = z.discriminatedUnion('pluginKind', [
  FactPluginSchema,
  ActionPluginSchema,
  OperatorPluginSchema,
]);

export type PluginContent = z.infer<typeof PluginContentSchema>;
export type FactPluginContent = z.infer<typeof FactPluginSchema>;
export type ActionPluginContent = z.infer<typeof ActionPluginSchema>;
export type OperatorPluginContent = z.infer<typeof OperatorPluginSchema>;
