import { readdirSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeZodIssues, InputError } from '../../engine/errors/index.ts';
import { readJsonFile } from '../../engine/loader/index.ts';
import { type BuiltPlugin, pluginLabel } from '../sdk/index.ts';
import { BUILT_PLUGIN_SUFFIX, BuiltPluginFileSchema, PLUGIN_SOURCE_SUFFIX } from './built-plugin-file.ts';
import { validateManifest } from './validate-manifest.ts';

/** The plugin sources at a path: the file itself, or every `*.plugin.ts` below a folder, sorted. */
export function pluginSourceFiles(path: string): string[] {
  if (statOf(path).isFile()) return [path];
  const files = filesBelow(path, PLUGIN_SOURCE_SUFFIX);
  if (files.length === 0) {
    throw new InputError('no_plugins', `no ${PLUGIN_SOURCE_SUFFIX} files in ${path}`, { field: path });
  }
  return files;
}

/** Where a source's build goes: beside it, or in `outDir`; `address-risk.plugin.ts` → `address-risk.plugin.json`. */
export function builtPluginPath(sourceFile: string, outDir?: string): string {
  const name = basename(sourceFile).replace(/(\.plugin)?\.ts$/, '');
  return join(outDir ?? dirname(sourceFile), `${name}${BUILT_PLUGIN_SUFFIX}`);
}

/** A built plugin file, its manifest validated again: the file may have been edited since the build. */
export function readBuiltPlugin(file: string): BuiltPlugin {
  const parsed = BuiltPluginFileSchema.safeParse(readJsonFile(file));
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error).map((i) => `${i.field}: ${i.message}`);
    throw invalidFile(file, problems);
  }
  const checked = validateManifest(parsed.data.manifest);
  if (!checked.ok)
    throw invalidFile(
      file,
      checked.problems.map((p) => `manifest.${p.path}: ${p.message}`),
    );
  return { formatVersion: 1, manifest: checked.manifest, code: parsed.data.code };
}

/** Every `*.plugin.json` below a folder; one build per plugin id and version. */
export function readBuiltPlugins(dir: string): BuiltPlugin[] {
  if (!statOf(dir).isDirectory()) {
    throw new InputError('plugins_not_a_folder', `${dir} is not a folder of built plugins`, { field: dir });
  }
  const seen = new Map<string, string>();
  return filesBelow(dir, BUILT_PLUGIN_SUFFIX).map((file) => {
    const plugin = readBuiltPlugin(file);
    const label = pluginLabel(plugin.manifest);
    const earlier = seen.get(label);
    if (earlier !== undefined) {
      throw new InputError('plugin_duplicate', `${file} and ${earlier} both build ${label}`, { field: file });
    }
    seen.set(label, file);
    return plugin;
  });
}

function invalidFile(file: string, problems: string[]): InputError {
  return new InputError('plugin_file_invalid', `${file} is not a built plugin: ${problems.join('; ')}`, {
    field: file,
  });
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new InputError('file_unreadable', `cannot read ${path}: no such file or folder`, { field: path });
  }
}

function filesBelow(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix) && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => join(dir, name))
    .sort();
}
