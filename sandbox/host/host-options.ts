import { grantLimits, type PluginLimits, type PluginManifest } from '../../plugins/sdk/index.ts';
import type { PluginHostOptions } from './plugin-host.ts';

/**
 * The host limits a set of plugins asks for, within caps. `capped` lists the wishes cut down, for the
 * person installing them.
 */
export function hostOptionsFor(
  manifests: readonly PluginManifest[],
  caps?: PluginLimits,
): { options: PluginHostOptions; capped: string[] } {
  const { limits, capped } = grantLimits(manifests, caps);
  return { options: { callTimeoutMs: limits.timeoutMs, memoryLimitMb: limits.memoryMb }, capped };
}
