import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulationStoreContract } from '../simulation-store.contract.ts';
import { storeContract } from '../store.contract.ts';
import { openEmbeddedStore } from './embedded-store.ts';

const storage = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ordergraph-store-'));
  return {
    open: () => openEmbeddedStore(dir),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
};

storeContract('embedded', storage);
simulationStoreContract('embedded', storage);
