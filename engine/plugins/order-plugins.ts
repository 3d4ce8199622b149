import { type PluginFailure, type PluginResult, pluginLabel } from '../../plugins/sdk/index.ts';
import type { EventOrigin } from '../events/index.ts';
import { type AppliedPluginAction, pluginActionEvent } from '../nodes/plugin/plugin-action.event.ts';
import { PLUGIN_ERROR_REASON, pluginErrorMessage } from '../nodes/plugin/plugin-error.ts';
import type { PreparedEvent } from '../runtime/pipeline/decision-builder.ts';
import { actionKey } from './plugin-plan.ts';
import { PLUGIN_FACTS } from './plugin-usage.ts';
import { PLUGIN_OPERATORS } from './rewrite-operators.ts';

/** A fact or operator plugin's failure for one order: it holds the order before any stage runs. */
export interface PluginHold {
  reason: typeof PLUGIN_ERROR_REASON;
  message: string;
  origin: EventOrigin;
}

/** One order's plugin results, computed with its batch before the stages run. */
export class OrderPlugins {
  private readonly pluginFacts: Record<string, unknown> = {};
  private readonly operatorAnswers: Record<string, boolean> = {};
  private readonly actions = new Map<string, PluginResult>();
  private readonly failed = new Map<string, PluginHold>();

  /** Added to the order's facts: `plugins.<id>.<field>` and the rewritten operators' answers. */
  get facts(): Record<string, unknown> {
    return { [PLUGIN_FACTS]: this.pluginFacts, [PLUGIN_OPERATORS]: this.operatorAnswers };
  }

  /** One hold per failed plugin build, however many of its calls failed. */
  get holds(): PluginHold[] {
    return [...this.failed.values()];
  }

  setFact(pluginId: string, value: unknown): void {
    this.pluginFacts[pluginId] = value;
  }

  setOperator(slot: string, value: boolean): void {
    this.operatorAnswers[slot] = value;
  }

  setAction(key: string, result: PluginResult): void {
    this.actions.set(key, result);
  }

  fail(plugin: { id: string; version: string }, error: PluginFailure, origin: EventOrigin): void {
    const label = pluginLabel(plugin);
    if (this.failed.has(label)) return;
    this.failed.set(label, {
      reason: PLUGIN_ERROR_REASON,
      message: pluginErrorMessage(label, error),
      origin,
    });
  }

  /** An action plugin's event with this order's result joined to its params; undefined for other events. */
  prepare(prepared: PreparedEvent | undefined): PreparedEvent | undefined {
    if (prepared?.kind !== 'known' || prepared.def !== pluginActionEvent) return undefined;
    const params = prepared.params as AppliedPluginAction;
    const outcome = this.actions.get(actionKey(params.pluginId, params.version, params.params));
    return { ...prepared, params: { ...params, outcome } };
  }
}
