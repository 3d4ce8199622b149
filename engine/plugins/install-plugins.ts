import {
  type BuiltPlugin,
  type PluginFailure,
  type PluginManifest,
  type PluginRunner,
  pluginLabel,
  resultSchema,
} from '../../plugins/sdk/index.ts';

export interface Installed {
  /** The builds that loaded, for PipelineOptions.plugins and CompileContext.plugins. */
  manifests: PluginManifest[];
  /** Builds whose code did not load (top-level throw, timeout), by label: their uses will not plan. */
  failures: { label: string; error: PluginFailure }[];
}

/**
 * Loads built plugins into a runner for one client, each with the schema of its manifest's outputs, so
 * the runner checks every result against what the manifest declared.
 */
export async function installPlugins(
  runner: PluginRunner,
  clientId: string,
  plugins: readonly BuiltPlugin[],
): Promise<Installed> {
  const installed: Installed = { manifests: [], failures: [] };
  for (const { manifest, code } of plugins) {
    const loaded = await runner.load({
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
