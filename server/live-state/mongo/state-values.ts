import type { Connection, mongo } from 'mongoose';
import type { ValueKind } from '../shared/check-segment.ts';

/**
 * One client's shared state in MongoDB, one document per value (`_id` = client, kind and key): a
 * client's buyers and seen orders run to millions, far past one document's 16 MB. Values are kept
 * as the commit answers carry them (see `SharedClientState`). `kind` `x` marks a client seeded from
 * the store, `L` the latest pay time a merge group was recorded at; merge groups carry `expireAt`
 * (a TTL index drops them a day after their window).
 */
export interface StateValueDoc {
  _id: string;
  client: string;
  kind: ValueKind | 'x' | 'L';
  key: string;
  v: string;
  /** Bumped by every commit that read or wrote the value: two commits touching it cannot both pass. */
  n: number;
  expireAt?: Date;
}

export const STATE_VALUES = 'stateValues';

export const docId = (client: string, kind: StateValueDoc['kind'], key: string): string =>
  `${client}\u0000${kind}\u0000${key}`;

export function stateValues(connection: Connection): mongo.Collection<StateValueDoc> {
  return connection.db!.collection<StateValueDoc>(STATE_VALUES);
}

export async function ensureStateIndexes(collection: mongo.Collection<StateValueDoc>): Promise<void> {
  await collection.createIndex({ client: 1, kind: 1 });
  await collection.createIndex({ expireAt: 1 }, { expireAfterSeconds: 0 });
}
