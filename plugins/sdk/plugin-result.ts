import { z } from 'zod';

/**
 * Why a plugin call produced no value. The engine turns every one of these into a held order, so each
 * code names a cause a person can act on, not a stack trace.
 */
export const PluginErrorCodeSchema = z.enum([
  'plugin_error',
  'plugin_timeout',
  'plugin_memory',
  'plugin_crashed',
  'plugin_output_invalid',
  'plugin_output_too_large',
  'plugin_compile_error',
]);
export type PluginErrorCode = z.infer<typeof PluginErrorCodeSchema>;

export interface PluginFailure {
  code: PluginErrorCode;
  pluginId: string;
  message: string;
}

/** One call's outcome: a runner answers every input with one of these, and never rejects for a plugin. */
export type PluginResult<T = unknown> = { ok: true; value: T } | { ok: false; error: PluginFailure };
