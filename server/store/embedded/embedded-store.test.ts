import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../store.contract.ts';
import { openEmbeddedStore } from './embedded-store.ts';

storeContract('embedded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ordergraph-store-'));
  return {
    open: () => openEmbeddedStore(dir),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});
