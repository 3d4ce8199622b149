// From the TypeScript source, a worker thread starts without the TypeScript loader its parent
// registered (tsx, vitest), so it registers tsx itself before loading the worker's TypeScript.
// dist/ starts its own bundle, dist/simulate-worker.js, instead (worker-entry.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
