// A worker thread starts without the TypeScript loader its parent registered (bin/ordergraph.js,
// vitest), so it registers tsx itself before loading the worker's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
