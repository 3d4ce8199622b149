import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Our modules find the files beside them (the samples, the built editor, the sandbox's prelude, the
 * plugin SDK's runtime) by `new URL('…', import.meta.url)`. Bundled, every module's
 * `import.meta.url` would be the bundle's own; this gives each of our modules its source file's URL
 * back, written relative to the bundle, so those paths mean the same in dist/ as in the source and
 * the package ships the files they name (package.json `files`). It holds because every output file,
 * entry or chunk, sits directly in `outdir`. The workers' bundles are outputs of the same build:
 * modules find them by `import.meta.dirname`, left as the bundle's own folder, so a build made into
 * another folder (the simulate bench's) starts its own workers, not dist/'s.
 */
export function sourceUrlPlugin(outdir: string): Plugin {
  return {
    name: 'source-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
        if (path.split(sep).includes('node_modules')) return undefined;
        const text = await readFile(path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const source = JSON.stringify(relative(outdir, path).split(sep).join('/'));
        return {
          contents: text.replaceAll('import.meta.url', `new URL(${source}, import.meta.url).href`),
          loader: path.endsWith('ts') ? 'ts' : 'js',
        };
      });
    },
  };
}
