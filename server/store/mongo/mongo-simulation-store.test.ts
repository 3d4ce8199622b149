import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { describe } from 'vitest';
import { simulationStoreContract } from '../simulation-store.contract.ts';
import { openMongoStore } from './mongo-store.ts';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.log(
    'MongoDB simulation store contract (mappings, GridFS histories, jobs) skipped: set MONGODB_URI to run it (MongoDB cannot be installed on this machine)',
  );
}

describe.skipIf(!uri)('MongoDB', () => {
  simulationStoreContract('mongodb', async () => {
    const dbName = `ordergraph_sim_contract_${randomBytes(6).toString('hex')}`;
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
