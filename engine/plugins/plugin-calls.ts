// The plan's shape, apart from the planning, so the planners and the precompute share it without a cycle.
import type {
  ActionManifest,
  FactManifest,
  OperatorManifest,
  PluginManifest,
} from '../../plugins/sdk/index.ts';
import type { PluginOperatorName } from '../nodes/plugin/plugin-operator.ts';
import type { UseSite } from './plugin-usage.ts';

interface Call<M extends PluginManifest> {
  clientId: string;
  manifest: M;
  /** Where the first use sits; a failure's hold points there. */
  site: UseSite;
}

export interface FactCall extends Call<FactManifest> {
  params: Record<string, unknown>;
}

export interface ActionCall extends Call<ActionManifest> {
  key: string;
  params: Record<string, unknown>;
}

/** One (fact, value) pair an operator plugin is used with; its answer becomes `pluginOperators.<name>`. */
export interface OperatorSlot {
  name: string;
  fact: string;
  value: unknown;
}

export interface OperatorCall extends Call<OperatorManifest> {
  slots: OperatorSlot[];
}

/** What to call for each batch, each plugin build once, with the operator slots the rules will read. */
export interface PluginPlan {
  facts: FactCall[];
  actions: ActionCall[];
  operators: OperatorCall[];
  /** The slot a `plugin:` condition reads once rewritten; undefined when it was not planned. */
  slotName(operator: PluginOperatorName, fact: string, value: unknown): string | undefined;
}
