import { z } from 'zod';
import type { ActionManifest, PluginManifest } from './manifest.ts';
import { type ParamSpec, type ValueSpec, valueSchema } from './value-spec.ts';

/**
 * What a plugin may return, as the host checks it for every order: exactly the declared fact fields,
 * only the declared reasons and tags, a boolean from an operator. Anything else is
 * `plugin_output_invalid`, so no undeclared value ever reaches a decision.
 */
export function resultSchema(manifest: PluginManifest): z.ZodType {
  switch (manifest.kind) {
    case 'fact':
      return z.strictObject(mapValues(manifest.outputs, valueSchema));
    case 'action':
      return actionResultSchema(manifest.outputs);
    case 'operator':
      return z.boolean();
  }
}

const message = z.string().max(500).optional();

function actionResultSchema(outputs: ActionManifest['outputs']): z.ZodType {
  const notes = (reasons: string[]) =>
    z.array(z.strictObject({ reason: z.enum(reasons as [string, ...string[]]), message })).max(20);
  const shape: Record<string, z.ZodType> = {};
  if (outputs.holds) shape.holds = notes(outputs.holds).optional();
  if (outputs.flags) shape.flags = notes(outputs.flags).optional();
  if (outputs.tags)
    shape.tags = z
      .array(z.enum(outputs.tags as [string, ...string[]]))
      .max(20)
      .optional();
  if (outputs.extracted) {
    const fields = mapValues(outputs.extracted, (spec: ValueSpec) => valueSchema(spec).optional());
    shape.extracted = z.strictObject(fields).optional();
  }
  return z.strictObject(shape);
}

/** The params a node must give a plugin: each declared input, required unless marked optional. */
export function paramsSchema(
  inputs: Readonly<Record<string, ParamSpec>>,
): z.ZodType<Record<string, unknown>> {
  return z.strictObject(
    mapValues(inputs, (spec: ParamSpec) =>
      spec.optional ? valueSchema(spec).optional() : valueSchema(spec),
    ),
  );
}

function mapValues<S, T>(record: Readonly<Record<string, S>>, map: (value: S) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
