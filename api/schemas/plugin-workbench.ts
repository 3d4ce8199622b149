import { z } from 'zod';
import { ADAPTER_PLATFORM_NAMES, ADAPTER_PLATFORMS } from '../../engine/order/adapters/platforms.ts';
import { PLUGIN_IDENTIFIER, PluginManifestSchema, SemverSchema } from '../../plugins/sdk/index.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';
import { MAX_PLUGIN_SOURCE_CHARS } from './plugins.ts';

/**
 * What a plugin developer works with before installing a version: the source kept on the server as a
 * draft, a build check that stores nothing, and a test run on an order in the production sandbox.
 */

const source = z.string().max(MAX_PLUGIN_SOURCE_CHARS);

export const PluginDraftParams = z.object({
  clientId: IdSchema,
  pluginId: z.string().regex(PLUGIN_IDENTIFIER, 'a plugin id: camelCase letters and digits'),
});

export const PluginDraftBody = z
  .object({ source: source.meta({ description: "the plugin's TypeScript, as far as it is written" }) })
  .meta({ id: 'PluginDraftInput' });

export const PluginDraftSchema = z.object({
  clientId: IdSchema,
  pluginId: z.string().regex(PLUGIN_IDENTIFIER),
  source,
  /** Counts saves: 1 for the first. */
  revision: z.number().int().positive(),
  savedAt: TimestampSchema,
  savedBy: ActorSchema,
});
export type PluginDraft = z.infer<typeof PluginDraftSchema>;
export const PluginDraftDoc = PluginDraftSchema.meta({ id: 'PluginDraft' });
export const PluginDraftList = z.object({
  drafts: z.array(PluginDraftSchema.omit({ source: true })).meta({ description: 'by plugin id' }),
});

/** One problem of a build, where its developer finds it: `at` reads `plugin.ts:12:5: …`. */
export const PluginBuildIssueSchema = z
  .object({
    code: z.string(),
    file: z.string(),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
    path: z.string().optional().meta({ description: 'for manifest problems: the path inside the manifest' }),
    message: z.string(),
    at: z.string(),
  })
  .meta({ id: 'PluginBuildIssue' });
export type PluginBuildIssueView = z.infer<typeof PluginBuildIssueSchema>;

export const PluginBuildCheckBody = z.object({ source: source.min(1) }).meta({ id: 'PluginBuildCheckInput' });

export const PluginBuildCheck = z
  .object({
    ok: z.boolean(),
    /** Why it would not install (empty when ok): build errors, a manifest problem, a lying output, a timeout. */
    issues: z.array(PluginBuildIssueSchema),
    warnings: z.array(PluginBuildIssueSchema),
    manifest: PluginManifestSchema.optional().meta({ description: 'when it builds' }),
    installed: z.enum(['none', 'same', 'other']).optional().meta({
      description:
        "when it builds: whether the manifest's id and version are free, hold this very source, or hold other code (an upload would be a 409)",
    }),
  })
  .meta({ id: 'PluginBuildCheck' });
export type PluginBuildCheckAnswer = z.infer<typeof PluginBuildCheck>;

export const PluginTrialBody = z
  .object({
    plugin: z.union([
      z.strictObject({ source: source.min(1) }).meta({ description: 'built now, stored nowhere' }),
      z.strictObject({ pluginId: z.string().regex(PLUGIN_IDENTIFIER), version: SemverSchema }),
    ]),
    order: z.record(z.string(), z.unknown()).meta({
      description: `a raw ${ADAPTER_PLATFORM_NAMES} order, adapted as evaluate adapts it`,
    }),
    platform: z.enum(ADAPTER_PLATFORMS).optional(),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: "the call's params, checked against the manifest's inputs" }),
    operand: z
      .object({ fact: z.string().min(1).max(200), value: z.unknown() })
      .optional()
      .meta({ description: "operator plugins: the order field tested and the rule's value" }),
  })
  .meta({ id: 'PluginTrialInput' });
export type PluginTrialInput = z.input<typeof PluginTrialBody>;

export const PluginTrialResult = z
  .object({
    plugin: z.string().meta({ description: 'id@version' }),
    kind: z.enum(['fact', 'action', 'operator']),
    orderId: z.string(),
    input: z.object({ subject: z.unknown(), params: z.record(z.string(), z.unknown()) }).meta({
      description:
        'what the plugin was sent: the order fields its manifest reads (or the operands), and the params',
    }),
    ok: z.boolean(),
    value: z.unknown().optional().meta({ description: "the plugin's result, when ok" }),
    error: z.object({ code: z.string(), message: z.string() }).optional().meta({
      description:
        'when not ok: plugin_error (it threw), plugin_timeout, plugin_memory, plugin_crashed, plugin_output_invalid (not what the manifest declares), …',
    }),
    wallMs: z.number().nonnegative().meta({
      description:
        "time on the server's clock for the call, sandbox round trip included (the CPU budget is enforced inside the sandbox)",
    }),
  })
  .meta({ id: 'PluginTrialResult' });
export type PluginTrialAnswer = z.infer<typeof PluginTrialResult>;
