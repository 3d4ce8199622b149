import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every simulation thread's entry. In a build (ORDERGRAPH_DIST, set by the package's build) it is the
 * workers' own bundle, simulate-worker.js beside this one; run from the TypeScript source (tsx,
 * vitest), it is worker-boot.js, which registers tsx in the thread. Never the one for want of the other.
 * `import.meta.dirname` is the bundle's folder (the build rewrites only `import.meta.url`), so a
 * build made elsewhere than dist/ starts its own workers.
 */
export const WORKER_ENTRY =
  typeof ORDERGRAPH_DIST !== 'undefined'
    ? pathToFileURL(join(import.meta.dirname, 'simulate-worker.js'))
    : new URL('./worker-boot.js', import.meta.url);
