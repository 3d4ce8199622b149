/**
 * `true` in dist/ (esbuild's `define` in package/bundle.ts); not declared at all when the TypeScript
 * source runs (tsx, vitest), so read it as `typeof ORDERGRAPH_DIST !== 'undefined'`. Modules that start
 * a worker read it to start the worker's built entry or its source.
 */
declare const ORDERGRAPH_DIST: true | undefined;
