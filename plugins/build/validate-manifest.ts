import { describeZodIssues } from '../../engine/errors/index.ts';
import { orderPaths } from '../../engine/order/order-paths.ts';
import { type PluginManifest, PluginManifestSchema } from '../sdk/index.ts';

export interface ManifestProblem {
  /** Inside the manifest, e.g. `outputs.score.type` or `reads[2]`. */
  path: string;
  message: string;
}

export type ManifestCheck =
  | { ok: true; manifest: PluginManifest }
  | { ok: false; problems: ManifestProblem[] };

/** The schema, then what the schema cannot know: every field in `reads` is one the standard order has. */
export function validateManifest(value: unknown): ManifestCheck {
  const parsed = PluginManifestSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: describeZodIssues(parsed.error).map(({ field, message }) => ({ path: field, message })),
    };
  }
  const manifest = parsed.data;
  const reads = manifest.kind === 'operator' ? [] : manifest.reads;
  const problems = reads.flatMap((path, i) =>
    orderPaths().has(path) ? [] : [{ path: `reads[${i}]`, message: `no order has a field "${path}"` }],
  );
  return problems.length ? { ok: false, problems } : { ok: true, manifest };
}
