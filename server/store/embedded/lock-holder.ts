/**
 * A process that holds a workspace, for the lock tests: it opens the embedded store and keeps it
 * (renewing the lock) until killed. It prints `locked` once it holds it, or `refused: <why>` and
 * exits 3 when another server does.
 *
 *   node --import tsx lock-holder.ts <dataDir> <staleMs> [<pidNamespace to claim>]
 */
import { WorkspaceLockedError } from '../errors.ts';
import { openEmbeddedStore } from './embedded-store.ts';

const [dataDir, staleMs, pidNamespace] = process.argv.slice(2) as [string, string, string | undefined];
try {
  await openEmbeddedStore(dataDir, {
    staleMs: Number(staleMs),
    ...(pidNamespace ? { owner: { pidNamespace } } : {}),
  });
  process.stdout.write('locked\n');
  // The lock's heartbeat does not keep a process alive (it is unref'd); this does, until the kill.
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof WorkspaceLockedError)) throw error;
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(3);
}
