import { PLUGIN_OPERATOR } from '../../operators/index.ts';

export interface PluginOperatorName {
  pluginId: string;
  /** Absent when the condition names no version: the pipeline's one build of that plugin. */
  version?: string;
}

/** `plugin:remarkClassifier@1.0.0` → its plugin id and version; undefined for any other operator. */
export function parsePluginOperator(operator: string): PluginOperatorName | undefined {
  const match = PLUGIN_OPERATOR.exec(operator);
  if (!match) return undefined;
  return match[2] === undefined ? { pluginId: match[1]! } : { pluginId: match[1]!, version: match[2] };
}

export function pluginOperator(pluginId: string, version: string): string {
  return `plugin:${pluginId}@${version}`;
}
