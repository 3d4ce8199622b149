import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { describe } from 'vitest';
import { storeContract } from '../store.contract.ts';
import { openMongoStore } from './mongo-store.ts';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.log(
    'MongoDB store contract skipped: set MONGODB_URI to run it (MongoDB cannot be installed on this machine)',
  );
}

describe.skipIf(!uri)('MongoDB', () => {
  // One throwaway database per test, dropped afterwards.
  storeContract('mongodb', async () => {
    const dbName = `ordergraph_contract_${randomBytes(6).toString('hex')}`;
    return {
      open: () => openMongoStore(uri!, { dbName }),
      dispose: async () => {
        const connection = await createConnection(uri!, { dbName }).asPromise();
        await connection.dropDatabase();
        await connection.close();
      },
    };
  });
});
