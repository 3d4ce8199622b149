import { ensureBuilt } from './ensure-built.ts';

/** Once per run, before any end-to-end file: a build the server can serve (never two builds racing). */
export default function setup(): void {
  ensureBuilt();
}
