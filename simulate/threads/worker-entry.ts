/**
 * Every simulation thread's entry. In dist/ (ORDERGRAPH_DIST, set by the package's build) it is the
 * workers' own bundle, dist/simulate-worker.js; run from the TypeScript source (tsx, vitest), it is
 * worker-boot.js, which registers tsx in the thread. Never the one for want of the other.
 */
export const WORKER_ENTRY =
  typeof ORDERGRAPH_DIST !== 'undefined'
    ? new URL('../../dist/simulate-worker.js', import.meta.url)
    : new URL('./worker-boot.js', import.meta.url);
