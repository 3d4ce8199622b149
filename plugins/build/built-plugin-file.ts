import { z } from 'zod';

/**
 * The shape of a built plugin file (a plugins/sdk BuiltPlugin as JSON); the manifest inside is checked
 * again with validateManifest, never trusted.
 */
export const BuiltPluginFileSchema = z.object({
  formatVersion: z.literal(1),
  manifest: z.unknown(),
  code: z.string().min(1),
});

export const BUILT_PLUGIN_SUFFIX = '.plugin.json';
export const PLUGIN_SOURCE_SUFFIX = '.plugin.ts';
