import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { PluginHostError } from './errors/plugin-host-error.ts';
import { zodSummary } from './zod-summary.ts';

/** What a worker needs to run isolates; sent to each worker process when it starts. */
export const IsolateLimitsSchema = z.object({
  /** CPU budget of each input, whatever its batch: an input that overruns it is stopped alone. */
  callTimeoutMs: z.number().int().min(1).max(60_000).default(50),
  /** Budget for the plugin's top-level code when its isolate is (re)built. */
  loadTimeoutMs: z.number().int().min(1).max(60_000).default(500),
  /** isolated-vm refuses less than 8 MB. */
  memoryLimitMb: z.number().int().min(8).max(4_096).default(32),
  maxIsolates: z.number().int().min(1).max(10_000).default(64),
  /**
   * Inputs an isolate serves before it is rebuilt, so slow leaks in plugin state cannot accumulate
   * (the memory limit bounds them meanwhile). A rebuilt isolate runs its plugin cold: measured with the
   * address-risk sample, the first ~5,000 inputs cost 2-3× a warm one's, 40-60 ms of worker CPU a
   * rebuild, which at 10,000 was 5-7 µs of every input's 13-16.
   */
  recycleAfterCalls: z.number().int().min(1).default(100_000),
  /**
   * Cap on one result's JSON text, in UTF-16 code units (what the isolate can count without encoding;
   * equal to bytes for ASCII).
   */
  maxResultChars: z.number().int().min(16).max(64_000_000).default(1_000_000),
});
export type IsolateLimits = z.infer<typeof IsolateLimitsSchema>;

export const PluginHostConfigSchema = IsolateLimitsSchema.extend({
  workers: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => Math.min(2, availableParallelism())),
  /** Grace beyond a request's own budgets before its worker is presumed stuck and killed. */
  watchdogMs: z.number().int().min(10).max(600_000).default(1_000),
  /** How long a fresh worker may take to start (tsx and isolated-vm load in it). */
  startTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
  /**
   * Workers run in this zone, so plugin local-time arithmetic (getHours, toLocaleString) is the same on
   * every machine.
   */
  timeZone: z.string().min(1).default('Asia/Shanghai'),
});
export type PluginHostConfig = z.infer<typeof PluginHostConfigSchema>;
export type PluginHostConfigInput = z.input<typeof PluginHostConfigSchema>;

export function parsePluginHostConfig(input: PluginHostConfigInput): PluginHostConfig {
  const parsed = PluginHostConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new PluginHostError('plugin_host_config', `invalid plugin host config: ${zodSummary(parsed.error)}`);
}
