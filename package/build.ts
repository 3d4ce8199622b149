// `npm run build` (run by `prepare`): dist/'s JavaScript; `tsc -p package/tsconfig.declarations.json`
// then writes its .d.ts. Run with `node --import tsx`, so the build needs no build of its own.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, ROOT } from './bundle.ts';

const started = performance.now();
const outdir = join(ROOT, 'dist');
// Nothing of an earlier build survives: a chunk no entry imports any more would still be packed.
rmSync(outdir, { recursive: true, force: true });
const metafile = await bundle(outdir);
const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(
  `dist/: ${Object.keys(metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms\n`,
);
