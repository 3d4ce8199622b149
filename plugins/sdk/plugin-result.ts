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
  /**
   * Set only in a call of two or more inputs, when this failure may be another input's doing: the call
   * failed as a whole (its worker died, the heap limit, a timeout no one input can be blamed for) or
   * this input never ran because an earlier one was stopped. Called again, alone or without the one to
   * blame, it may well succeed. Absent, the failure is this input's own.
   */
  unattributed?: true;
}

/** One call's outcome: a runner answers every input with one of these, and never rejects for a plugin. */
export type PluginResult<T = unknown> = { ok: true; value: T } | { ok: false; error: PluginFailure };
