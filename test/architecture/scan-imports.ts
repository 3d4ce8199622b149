import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One source file and the modules it names, relative ones resolved to repository paths. */
export interface SourceImports {
  file: string;
  imports: string[];
}

const SOURCE = /\.(ts|tsx|js|mjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', 'data', 'test-results']);
// `import x from 'm'`, `export { x } from 'm'`, `import 'm'`, `import('m')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

function walk(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(root, posix.join(dir, entry.name), out);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(posix.join(dir, entry.name));
    }
  }
}

/** Relative specifiers become repository paths (`engine/order/schema.ts`); others stay as written. */
export function resolveSpecifier(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

export function importsOf(file: string, text: string): string[] {
  // Comments may quote import lines (docs, examples); drop them before matching.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((match) => resolveSpecifier(file, match[2]!));
}

/** Every source file at or under the given paths of the repository, with its imports. */
export function scanRepository(root: string, paths: readonly string[]): SourceImports[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(join(root, path)).isFile()) files.push(path);
    else walk(root, path, files);
  }
  return files.map((file) => ({ file, imports: importsOf(file, readFileSync(join(root, file), 'utf8')) }));
}
