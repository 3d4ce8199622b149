import type { PluginFailure } from '../../../plugins/sdk/index.ts';

/** The hold reason for every plugin failure: throw, timeout, memory, crash, invalid output. */
export const PLUGIN_ERROR_REASON = 'plugin_error';

/** Names the plugin build and the sandbox's error code, so the person releasing the order knows whose it is. */
export function pluginErrorMessage(label: string, failure: Pick<PluginFailure, 'code' | 'message'>): string {
  return `plugin ${label} failed: ${failure.code}: ${failure.message}`;
}
