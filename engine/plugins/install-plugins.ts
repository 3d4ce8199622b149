import type { BuiltPlugin } from '../../plugins/build/built-plugin.ts';
import {
  grantLimits,
  type PluginLimits,
  type PluginManifest,
  pluginLabel,
  resultSchema,
} from '../../plugins/sdk/index.ts';
import type { PluginFailure, PluginHost, PluginHostOptions } from '../../sandbox/index.ts';

export interface Installed {
  /** The builds that loaded, for PipelineOptions.plugins and CompileContext.plugins. */
  manifests: PluginManifest[];
  /** Builds whose code did not load (top-level throw, timeout), by label: their uses will not plan. */
  failures: { label: string; error: PluginFailure }[];
}

/**
 * Loads built plugins into a host for one client, each with the schema of its manifest's outputs, so
 * the host checks every result against what the manifest declared.
 */
export async function installPlugins(
  host: PluginHost,
  clientId: string,
  plugins: readonly BuiltPlugin[],
): Promise<Installed> {
  const installed: Installed = { manifests: [], failures: [] };
  for (const { manifest, code } of plugins) {
    const loaded = await host.load({
      clientId,
      pluginId: manifest.id,
      version: manifest.version,
      code,
      outputSchema: resultSchema(manifest),
    });
    if (loaded.ok) installed.manifests.push(manifest);
    else installed.failures.push({ label: pluginLabel(manifest), error: loaded.error });
  }
  return installed;
}

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
