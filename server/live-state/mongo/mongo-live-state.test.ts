import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { describe, it } from 'vitest';
import { EMPTY_STATE } from '../../store/state-replay.ts';
import type { Store } from '../../store/store.ts';
import { describeLiveStateContract } from '../live-state.contract.ts';
import type { SharedLiveState } from '../shared/shared-live-state.ts';
import { MongoStates } from './mongo-states.ts';

const uri = process.env.MONGODB_URI;
const dbName = `ordergraph_state_${randomBytes(6).toString('hex')}`;

/** The store is read only to seed a client, and each client here is seeded with the contract's snapshot. */
const noStore = {} as Store;
const states = uri ? await MongoStates.connect(uri, noStore, { dbName }) : undefined;

const skipped = !uri
  ? 'MongoDB live state contract skipped: set MONGODB_URI to run it (MongoDB cannot be installed on this machine)'
  : !states
    ? 'MongoDB live state contract skipped: the server at MONGODB_URI is standalone; shared state needs a replica set (one node will do)'
    : undefined;

if (skipped) {
  console.log(skipped);
  describe('live state contract: shared in MongoDB', () => {
    it.skip(skipped, () => undefined);
  });
} else {
  let client = 0;
  describeLiveStateContract('shared in MongoDB', () => ({
    maxEvaluators: 16,
    open: async (snapshot, evaluators) => {
      const clientId = `contract-${++client}`;
      const lives: SharedLiveState[] = [];
      for (let e = 0; e < evaluators; e++) {
        const live = (await states!.open(clientId, async () => ({
          ...EMPTY_STATE,
          snapshot,
        }))) as SharedLiveState;
        lives.push(live);
      }
      return lives;
    },
    close: async () => {
      await states!.close();
      const connection = await createConnection(uri!, { dbName }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  }));
}
