// A worker thread starts without the TypeScript loader its parent registered (tsx, vitest), so it
// registers tsx itself before loading the shadow's TypeScript (as simulate/jobs/job-boot.js does).
import { register } from 'tsx/esm/api';

register();
await import('./shadow-main.ts');
