import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { describe } from 'vitest';
import { simulationStoreContract } from '../simulation-store.contract.ts';
import { storeContract } from '../store.contract.ts';
import { openMongoStore } from './mongo-store.ts';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.log(
    'MongoDB store contracts (the store, and mappings, GridFS histories and jobs) skipped: set MONGODB_URI to run them (MongoDB cannot be installed on this machine)',
  );
}

/** One throwaway database per test, dropped afterwards. */
const storage = async () => {
  const dbName = `ordergraph_contract_${randomBytes(6).toString('hex')}`;
  return {
    open: () => openMongoStore(uri!, { dbName }),
    dispose: async () => {
      const connection = await createConnection(uri!, { dbName }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
};

describe.skipIf(!uri)('MongoDB', () => {
  storeContract('mongodb', storage);
  simulationStoreContract('mongodb', storage);
});
