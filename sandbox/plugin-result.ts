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

/** A failure as it crosses the worker boundary: no plugin id yet, the host adds it. */
export const FailureSchema = z.object({
  code: PluginErrorCodeSchema,
  message: z.string().max(2_000),
});
export type Failure = z.infer<typeof FailureSchema>;

export interface PluginFailure extends Failure {
  pluginId: string;
}

export type PluginResult<T = unknown> = { ok: true; value: T } | { ok: false; error: PluginFailure };

export function pluginFailure(pluginId: string, failure: Failure): { ok: false; error: PluginFailure } {
  return { ok: false, error: { code: failure.code, pluginId, message: failure.message } };
}
