import { z } from 'zod';
import { PluginErrorCodeSchema, type PluginFailure } from '../plugins/sdk/index.ts';

/** A failure as it crosses the worker boundary: no plugin id yet, the host adds it. */
export const FailureSchema = z.object({
  code: PluginErrorCodeSchema,
  message: z.string().max(2_000),
  /** See PluginFailure: only in a batch of two or more, when another input may be to blame. */
  unattributed: z.literal(true).optional(),
});
export type Failure = z.infer<typeof FailureSchema>;

export function pluginFailure(pluginId: string, failure: Failure): { ok: false; error: PluginFailure } {
  const { code, message, unattributed } = failure;
  const error: PluginFailure = { code, pluginId, message };
  if (unattributed) error.unattributed = true;
  return { ok: false, error };
}

/** A failure of a whole batch: in a batch of two or more, no one input can be blamed for it. */
export function batchFailure(failure: Failure, count: number): Failure {
  const { unattributed: _earlier, ...own } = failure;
  return count > 1 ? { ...own, unattributed: true } : own;
}
