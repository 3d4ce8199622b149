import { z } from 'zod';
import { PLUGIN_IDENTIFIER, PluginManifestSchema, SemverSchema } from '../../plugins/sdk/index.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';

/** Most characters of TypeScript one plugin upload may carry (a plugin is one file). */
export const MAX_PLUGIN_SOURCE_CHARS = 1_000_000;

export const PluginUploadBody = z
  .object({
    source: z.string().min(1).max(MAX_PLUGIN_SOURCE_CHARS).meta({
      description:
        "the plugin's TypeScript: one file whose only import is '@ordergraph/plugin-sdk', exporting its manifest and run function (plugins/README.md)",
    }),
    note: z.string().max(2000).default(''),
  })
  .meta({ id: 'PluginUpload' });

/**
 * One immutable build of a client's plugin: the source as uploaded, the sandbox script esbuild made of
 * it, and the manifest its code exports (read in a throwaway isolate, then validated).
 */
export const PluginVersionRecordSchema = z.object({
  clientId: IdSchema,
  pluginId: z.string().regex(PLUGIN_IDENTIFIER),
  version: SemverSchema,
  manifest: PluginManifestSchema,
  source: z.string().min(1).max(MAX_PLUGIN_SOURCE_CHARS),
  /** The built script the sandbox runs. */
  code: z.string().min(1),
  /** sha256 of the source: the same id and version uploaded again must carry the same source. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: TimestampSchema,
  author: ActorSchema,
  note: z.string().max(2000).default(''),
});
export type PluginVersionRecord = z.infer<typeof PluginVersionRecordSchema>;

export const PluginVersionParams = z.object({
  clientId: IdSchema,
  pluginId: z.string().regex(PLUGIN_IDENTIFIER, 'a plugin id: camelCase letters and digits'),
  version: SemverSchema,
});
export const PluginParams = PluginVersionParams.omit({ version: true });

const PluginVersionSummarySchema = PluginVersionRecordSchema.omit({ source: true, code: true });
export type PluginVersionSummary = z.infer<typeof PluginVersionSummarySchema>;

export const PluginVersionDoc = PluginVersionRecordSchema.omit({ code: true }).meta({ id: 'PluginVersion' });
export const PluginVersionSummaryDoc = PluginVersionSummarySchema.meta({ id: 'PluginVersionSummary' });
export const PluginCreated = z
  .object({
    pluginId: z.string(),
    version: z.string(),
    kind: z.enum(['fact', 'action', 'operator']),
    /** False when this exact source was already stored under its id and version (nothing written). */
    created: z.boolean(),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'PluginCreated' });
export type PluginCreatedAnswer = z.infer<typeof PluginCreated>;
export type PluginVersionView = z.infer<typeof PluginVersionDoc>;

export const PluginList = z.object({
  plugins: z.array(
    z.object({
      pluginId: z.string(),
      kind: z.enum(['fact', 'action', 'operator']),
      name: z.string(),
      versions: z.array(z.string()).meta({ description: 'oldest first' }),
    }),
  ),
});
export const PluginVersionList = z.object({
  pluginId: z.string(),
  versions: z.array(PluginVersionSummaryDoc),
});
