// `npm run build` (run by `prepare`): dist/'s JavaScript; `tsc -p package/tsconfig.declarations.json`
// then writes its .d.ts. Run with `node --import tsx`, so the build needs no build of its own.
// `package/build.ts <folder>` builds into another folder (the simulate bench runs the CLI as users
// do, from a build of the tree it measures, without touching dist/).
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bundle, ROOT } from './bundle.ts';

const started = performance.now();
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'dist');
// Nothing of an earlier build survives: a chunk no entry imports any more would still be packed.
rmSync(outdir, { recursive: true, force: true });
const metafile = await bundle(outdir);
const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(
  `${relative(ROOT, outdir)}/: ${Object.keys(metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms\n`,
);
