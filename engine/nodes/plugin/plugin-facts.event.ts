import { z } from 'zod';
import { PLUGIN_IDENTIFIER } from '../../../plugins/sdk/index.ts';
import { defineEvent } from '../../events/event-def.ts';

export const PluginFactsParamsSchema = z.object({
  pluginId: z.string().regex(PLUGIN_IDENTIFIER),
  version: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default(() => ({})),
  provides: z.array(z.string().regex(PLUGIN_IDENTIFIER)).min(1),
});
export type PluginFactsParams = z.infer<typeof PluginFactsParamsSchema>;

/**
 * Declares a fact plugin call. Its rule's conditions never hold, so it changes no decision in any
 * engine; the pipeline reads it from the compiled rules to know which plugin to call with which params.
 */
export const pluginFactsEvent = defineEvent({
  type: 'pluginFacts',
  label: { en: 'Plugin facts', zh: '插件事实' },
  params: PluginFactsParamsSchema,
  apply: () => {},
});
