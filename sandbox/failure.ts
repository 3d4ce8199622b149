import { z } from 'zod';
import { PluginErrorCodeSchema, type PluginFailure } from '../plugins/sdk/index.ts';

/** A failure as it crosses the worker boundary: no plugin id yet, the host adds it. */
export const FailureSchema = z.object({
  code: PluginErrorCodeSchema,
  message: z.string().max(2_000),
});
export type Failure = z.infer<typeof FailureSchema>;

export function pluginFailure(pluginId: string, failure: Failure): { ok: false; error: PluginFailure } {
  return { ok: false, error: { code: failure.code, pluginId, message: failure.message } };
}
