// A worker thread starts without the TypeScript loader its parent registered (tsx, vitest), so it
// registers tsx itself before loading the job's TypeScript (as simulate/threads/worker-boot.js does).
import { register } from 'tsx/esm/api';

register();
await import('./job-main.ts');
