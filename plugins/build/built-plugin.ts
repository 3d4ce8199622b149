import { z } from 'zod';
import type { PluginManifest } from '../sdk/index.ts';

/** A built plugin as `ordergraph plugin build` writes it (`<name>.plugin.json`) and `--plugins` reads it. */
export interface BuiltPlugin {
  formatVersion: 1;
  manifest: PluginManifest;
  /** The sandbox's classic script; see sandbox/README.md. */
  code: string;
}

/** The file's shape; the manifest inside is checked again with validateManifest, never trusted. */
export const BuiltPluginFileSchema = z.object({
  formatVersion: z.literal(1),
  manifest: z.unknown(),
  code: z.string().min(1),
});

export const BUILT_PLUGIN_SUFFIX = '.plugin.json';
export const PLUGIN_SOURCE_SUFFIX = '.plugin.ts';
