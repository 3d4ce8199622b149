import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  file: string;
  /** Node flags the entry needs on top of the worker's own. */
  execArgv: string[];
}

/**
 * The worker process's entry. In a build (ORDERGRAPH_DIST, set by the package's build) it is the
 * worker's own bundle, sandbox-worker.js beside this one (`import.meta.dirname`: the build rewrites
 * only `import.meta.url`); run from the TypeScript source (tsx, vitest), it is main.ts through tsx.
 * Never the one for want of the other: a missing bundle fails to start.
 */
export function workerEntry(): WorkerEntry {
  if (typeof ORDERGRAPH_DIST !== 'undefined') {
    return { file: join(import.meta.dirname, 'sandbox-worker.js'), execArgv: [] };
  }
  // Resolved from here rather than by name, so the worker starts whatever the host's working directory is.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: fileURLToPath(new URL('../worker/main.ts', import.meta.url)), execArgv: ['--import', tsx] };
}
