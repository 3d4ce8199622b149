import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import pkg from '../package.json' with { type: 'json' };
import { sourceUrlPlugin } from './source-url-plugin.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * What dist/ holds: the CLI, the two workers it starts (a process for the sandbox, threads for
 * simulation), and the package's entry points (package.json `exports`).
 */
export const ENTRIES = {
  cli: 'cli/main.ts',
  'sandbox-worker': 'sandbox/worker/main.ts',
  'simulate-worker': 'simulate/threads/worker-main.ts',
  // The server's simulation jobs: the job thread, and the pipeline its decide threads load by URL.
  'simulation-job': 'simulate/jobs/job-main.ts',
  'simulation-recorder': 'simulate/jobs/recording-pipeline.ts',
  // The server's shadow releases: the candidate deciding live orders again in a process of its own.
  'shadow-process': 'server/shadow/shadow-main.ts',
  // Loaded by URL in simulation's decide threads when a replay runs plugins.
  'simulate-plugin-pipeline': 'cli/simulate-plugins/plugin-pipeline.ts',
  index: 'exports/index.ts',
  operators: 'exports/operators.ts',
  runtime: 'exports/runtime.ts',
  order: 'exports/order.ts',
  compiler: 'exports/compiler.ts',
} as const;

/**
 * Bundles every entry into dist/ as ESM. Node loads one bundle far faster than the hundreds of
 * modules of the source, and no TypeScript loader is needed at run time. Splitting puts code
 * shared by entries in chunks, and keeps each `import()` a chunk of its own: the CLI loads a
 * command's code, and the packages it needs (express, esbuild, isolated-vm …), only when that
 * command runs. Every npm package stays external: installed beside us, native ones included.
 */
export async function bundle(outdir: string): Promise<Metafile> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { ORDERGRAPH_DIST: 'true' },
    // Folds `typeof ORDERGRAPH_DIST` and drops the source-only branches (tsx) it guards; names stay.
    minifySyntax: true,
    // Error classes name themselves with `new.target.name`: keep the names renaming would change.
    keepNames: true,
    // Maps name the TypeScript file and line in a stack trace (bin/ordergraph.js with ORDERGRAPH_DEBUG); no sources inside.
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrlPlugin(outdir)],
  });
  const missing = undeclaredPackages(metafile);
  if (missing.length > 0) {
    throw new Error(`dist/ imports ${missing.join(', ')}, not in package.json dependencies`);
  }
  return metafile;
}

/** Packages the bundles import that an install of this package would not bring. */
function undeclaredPackages(metafile: Metafile): string[] {
  const declared = new Set(Object.keys(pkg.dependencies));
  const imported = Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageName(i.path)),
  );
  return [...new Set(imported)].filter((name) => !declared.has(name)).sort();
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
