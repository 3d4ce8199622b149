import type { PluginManifest } from './manifest.ts';

/** A built plugin as `ordergraph plugin build` writes it (`<name>.plugin.json`) and `--plugins` reads it. */
export interface BuiltPlugin {
  formatVersion: 1;
  manifest: PluginManifest;
  /** The sandbox's classic script; see sandbox/README.md. */
  code: string;
}
