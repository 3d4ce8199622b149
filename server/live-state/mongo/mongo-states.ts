import { type Connection, createConnection } from 'mongoose';
import type { StateSnapshot } from '../../../engine/state/index.ts';
import { ApiError } from '../../errors/api-error.ts';
import { defineModels, type Models } from '../../store/mongo/models.ts';
import type { PersistedState } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import type { LiveState, LiveStates } from '../live-state.ts';
import { SharedLiveState } from '../shared/shared-live-state.ts';
import { MongoClientState } from './mongo-client-state.ts';
import { ensureStateIndexes, stateValues } from './state-values.ts';

export interface MongoStatesOptions {
  /** Overrides the database named in the URI (the contract suite uses one database per run). */
  dbName?: string;
}

/**
 * Every client's state in the MongoDB at MONGODB_URI (when there is no Redis), shared by every server
 * using that database. It needs multi-document transactions, so a replica set or a sharded cluster
 * (a single-node replica set will do); `connect` answers `undefined` for a standalone server.
 */
export class MongoStates implements LiveStates {
  readonly kind = 'mongodb';

  private constructor(
    private readonly connection: Connection,
    private readonly models: Models,
    private readonly store: Store,
  ) {}

  static async connect(
    uri: string,
    store: Store,
    options: MongoStatesOptions = {},
  ): Promise<MongoStates | undefined> {
    const connection = createConnection(uri, {
      serverSelectionTimeoutMS: 5_000,
      ...(options.dbName ? { dbName: options.dbName } : {}),
    });
    await connection.asPromise();
    const hello = (await connection.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
    if (!hello.setName && hello.msg !== 'isdbgrid') {
      await connection.close();
      return undefined;
    }
    await ensureStateIndexes(stateValues(connection));
    return new MongoStates(connection, defineModels(connection), store);
  }

  async ping(): Promise<void> {
    await this.connection.db!.admin().command({ ping: 1 });
  }

  /** `stored` seeds a client no server has used yet (the store's state, unless told otherwise). */
  async open(
    clientId: string,
    stored: () => Promise<PersistedState> = () => this.store.state.load(clientId),
  ): Promise<LiveState> {
    const shared = new MongoClientState(
      this.connection,
      stateValues(this.connection),
      this.models.decisions,
      clientId,
    );
    await guard(shared.open(stored));
    return new SharedLiveState(shared, guard);
  }

  async replace(_clientId: string, current: LiveState, snapshot: StateSnapshot): Promise<LiveState> {
    await guard((current as SharedLiveState).replace(snapshot));
    return current;
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** MongoDB unreachable as a 503 naming MONGODB_URI (host only: the URI may carry credentials); anything else as it is. */
async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const name = (error as Error | null)?.name ?? '';
    if (!/^Mongo(Network|ServerSelection|NetworkTimeout)Error$/.test(name)) throw error;
    throw new ApiError(
      503,
      'state_unavailable',
      `the shared state in the MongoDB at MONGODB_URI cannot be reached (${(error as Error).message}); nothing was decided, send the orders again`,
    );
  }
}
