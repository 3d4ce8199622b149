import { z } from 'zod';
import { PLUGIN_IDENTIFIER, type PluginResult, pluginLabel } from '../../../plugins/sdk/index.ts';
import { type ApplyContext, defineEvent } from '../../events/event-def.ts';
import { PLUGIN_ERROR_REASON, pluginErrorMessage } from './plugin-error.ts';

export const PluginActionParamsSchema = z.object({
  pluginId: z.string().regex(PLUGIN_IDENTIFIER),
  version: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default(() => ({})),
});
export type PluginActionParams = z.infer<typeof PluginActionParamsSchema>;

/**
 * The params as applied: the pipeline adds the plugin's result for this order, computed before the
 * stages ran. Never part of the rule JSON (the schema strips it), so no rule can forge a result.
 */
export interface AppliedPluginAction extends PluginActionParams {
  outcome?: PluginResult;
}

/** What an action plugin returns once the host has checked it against the manifest's outputs. */
interface ActionValue {
  holds?: { reason: string; message?: string }[];
  flags?: { reason: string; message?: string }[];
  tags?: string[];
  extracted?: Record<string, unknown>;
}

/** Applies an action plugin's result to the decision; a failed or missing result holds the order. */
export const pluginActionEvent = defineEvent<AppliedPluginAction>({
  type: 'pluginAction',
  label: { en: 'Plugin action', zh: '插件动作' },
  params: PluginActionParamsSchema,
  apply: (params, context) => {
    const label = pluginLabel({ id: params.pluginId, version: params.version });
    const { outcome } = params;
    if (outcome === undefined) {
      context.hold(PLUGIN_ERROR_REASON, `plugin ${label} was not run: the pipeline has no plugin host`);
    } else if (!outcome.ok) {
      context.hold(PLUGIN_ERROR_REASON, pluginErrorMessage(label, outcome.error));
    } else {
      merge(outcome.value as ActionValue, context);
    }
  },
});

function merge(value: ActionValue, { decision, origin }: ApplyContext): void {
  for (const hold of value.holds ?? []) decision.holds.push({ ...hold, ...origin });
  for (const flag of value.flags ?? []) decision.flags.push({ ...flag, ...origin });
  for (const tag of value.tags ?? []) if (!decision.tags.includes(tag)) decision.tags.push(tag);
  Object.assign(decision.extracted, value.extracted);
}
