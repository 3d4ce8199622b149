import type { BuiltPlugin, PluginRunner } from '../sdk/index.ts';
import type { BuildIssue } from './build-issue.ts';
import { extractManifest } from './extract-manifest.ts';
import { transpilePlugin } from './transpile.ts';
import { validateManifest } from './validate-manifest.ts';

export type BuildResult =
  | { ok: true; plugin: BuiltPlugin; warnings: BuildIssue[] }
  | { ok: false; issues: BuildIssue[] };

/**
 * A plugin's TypeScript source to a built plugin: transpiled by esbuild, then loaded once in the
 * sandbox (`runner`) to read the manifest it exports, which must pass the manifest schema. Every problem
 * comes back as data naming the file, with line and column where the source has one.
 */
export async function buildPlugin(
  source: string,
  filename: string,
  runner: PluginRunner,
): Promise<BuildResult> {
  const transpiled = await transpilePlugin(source, filename);
  if (!transpiled.ok) return transpiled;
  const extracted = await extractManifest(runner, transpiled.code);
  if (!extracted.ok) {
    const { code, message } = extracted.error;
    return { ok: false, issues: [{ code: 'load', file: filename, message: `${code}: ${message}` }] };
  }
  const checked = validateManifest(extracted.manifest);
  if (!checked.ok) {
    return {
      ok: false,
      issues: checked.problems.map(({ path, message }) => ({
        code: 'manifest',
        file: filename,
        path,
        message,
      })),
    };
  }
  return {
    ok: true,
    plugin: { formatVersion: 1, manifest: checked.manifest, code: transpiled.code },
    warnings: transpiled.warnings,
  };
}
