import { openEmbeddedStore } from './embedded/embedded-store.ts';
import type { LockOptions } from './embedded/workspace-lock.ts';
import type { Store } from './store.ts';

/** MongoDB when a URI is given, else the embedded workspace. Mongoose is loaded only when it is used. */
export async function openStore(options: {
  mongodbUri: string | undefined;
  dataDir: string;
  /** The workspace lock's stale age and what to say while waiting on it; embedded only. */
  lock?: LockOptions;
  /** An evaluator's view of the embedded workspace a control server holds; MongoDB is shared as it is. */
  readOnly?: boolean;
}): Promise<Store> {
  if (!options.mongodbUri) {
    return openEmbeddedStore(options.dataDir, options.lock, { readOnly: options.readOnly ?? false });
  }
  const { openMongoStore } = await import('./mongo/mongo-store.ts');
  return openMongoStore(options.mongodbUri);
}
