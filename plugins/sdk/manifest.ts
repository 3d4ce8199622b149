import { z } from 'zod';
import { MAX_WISH } from './limits.ts';
import { ParamSpecSchema, specProblem, type ValueSpec, ValueSpecSchema } from './value-spec.ts';

/** Plugin ids and field names: they become fact paths (`plugins.addressRisk.score`), so identifiers only. */
export const PLUGIN_IDENTIFIER = /^[a-z][A-Za-z0-9]{0,63}$/;
const identifier = z
  .string()
  .regex(PLUGIN_IDENTIFIER, 'start with a lower-case letter, then letters and digits (camelCase)');

// semver.org's own pattern, without the named groups.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
export const SemverSchema = z.string().regex(SEMVER, 'use a semantic version such as 1.0.0');

const orderPath = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
    'a dotted order field path such as receiver.province',
  );

/** Same limits as the hold, flag and tag events the result turns into. */
const reason = z.string().min(1).max(64);
const tag = z.string().trim().min(1).max(64);

const common = {
  id: identifier,
  version: SemverSchema,
  name: z.string().min(1).max(100),
  description: z.string().max(2_000).optional(),
  timeoutMs: z.number().int().min(1).max(MAX_WISH.timeoutMs).optional(),
  memoryMb: z.number().int().min(8).max(MAX_WISH.memoryMb).optional(),
};

/** Order fields the plugin is sent; nothing else of the order crosses into its isolate. */
const reads = z.array(orderPath).max(100).default([]);
const inputs = z.record(identifier, ParamSpecSchema).default({});

/** Computes facts: `outputs` names each field and its type; conditions test `plugins.<id>.<field>`. */
export const FactManifestSchema = z.strictObject({
  kind: z.literal('fact'),
  ...common,
  reads,
  inputs,
  outputs: z
    .record(identifier, ValueSpecSchema)
    .refine((fields) => Object.keys(fields).length > 0, 'declare at least one output field'),
});

/** Changes a decision: `outputs` declares every hold and flag reason, tag and extracted field it may return. */
export const ActionManifestSchema = z.strictObject({
  kind: z.literal('action'),
  ...common,
  reads,
  inputs,
  outputs: z
    .strictObject({
      holds: z.array(reason).min(1).optional(),
      flags: z.array(reason).min(1).optional(),
      tags: z.array(tag).min(1).optional(),
      extracted: z.record(identifier, ValueSpecSchema).optional(),
    })
    .refine(
      (o) => o.holds || o.flags || o.tags || (o.extracted && Object.keys(o.extracted).length > 0),
      'declare at least one of holds, flags, tags or extracted',
    ),
});

/** Tests a fact against a value in a condition (`buyerMessage plugin:remarkClassifier "urge"`). */
export const OperatorManifestSchema = z.strictObject({
  kind: z.literal('operator'),
  ...common,
  inputs: z.strictObject({ fact: ValueSpecSchema, value: ValueSpecSchema }),
  outputs: z.strictObject({ type: z.literal('boolean') }).default({ type: 'boolean' }),
});

export const PluginManifestSchema = z
  .discriminatedUnion('kind', [FactManifestSchema, ActionManifestSchema, OperatorManifestSchema])
  .superRefine((manifest, ctx) => {
    for (const [path, spec] of specsOf(manifest)) {
      const problem = specProblem(spec);
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
    }
  });

export type FactManifest = z.infer<typeof FactManifestSchema>;
export type ActionManifest = z.infer<typeof ActionManifestSchema>;
export type OperatorManifest = z.infer<typeof OperatorManifestSchema>;
export type PluginManifest = z.infer<typeof PluginManifestSchema>;
export type PluginKind = PluginManifest['kind'];

function specsOf(manifest: PluginManifest): [PropertyKey[], ValueSpec][] {
  const entries = (at: PropertyKey[], record: Record<string, ValueSpec> | undefined) =>
    Object.entries(record ?? {}).map(([key, spec]): [PropertyKey[], ValueSpec] => [[...at, key], spec]);
  switch (manifest.kind) {
    case 'fact':
      return [...entries(['inputs'], manifest.inputs), ...entries(['outputs'], manifest.outputs)];
    case 'action':
      return [
        ...entries(['inputs'], manifest.inputs),
        ...entries(['outputs', 'extracted'], manifest.outputs.extracted),
      ];
    case 'operator':
      return entries(['inputs'], manifest.inputs);
  }
}

/** How a plugin build is named everywhere: `addressRisk@1.0.0`. */
export function pluginLabel(plugin: { id: string; version: string }): string {
  return `${plugin.id}@${plugin.version}`;
}

/** The manifest of one build among several, by id and version. */
export function findManifest(
  manifests: readonly PluginManifest[],
  id: string,
  version: string,
): PluginManifest | undefined {
  return manifests.find((m) => m.id === id && m.version === version);
}
