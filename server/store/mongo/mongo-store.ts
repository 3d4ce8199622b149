import { createConnection } from 'mongoose';
import type { Store } from '../store.ts';
import { defineModels } from './models.ts';
import { MongoAudit } from './mongo-audit.ts';
import { MongoClients } from './mongo-clients.ts';
import { MongoKeys } from './mongo-keys.ts';
import { MongoPluginDrafts } from './mongo-plugin-drafts.ts';
import { MongoPlugins } from './mongo-plugins.ts';
import { MongoReleases } from './mongo-releases.ts';
import { mongoSimulationStores } from './mongo-simulation-stores.ts';
import { MongoState } from './mongo-state.ts';
import { MongoStrategies } from './mongo-strategies.ts';
import { MongoVersions } from './mongo-versions.ts';

export interface MongoStoreOptions {
  /** Overrides the database named in the URI (the contract suite uses one database per run). */
  dbName?: string;
}

/** The store for teams: MongoDB through mongoose, selected by MONGODB_URI. */
export async function openMongoStore(uri: string, options: MongoStoreOptions = {}): Promise<Store> {
  const connection = createConnection(uri, {
    // Any object in a filter with a "$" key is wrapped in $eq: a request value can never become an operator.
    sanitizeFilter: true,
    serverSelectionTimeoutMS: 5_000,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  await connection.asPromise();
  const models = defineModels(connection);
  await Promise.all(Object.values(models).map((model) => model.init()));
  return {
    kind: 'mongodb',
    // Host and database only: the URI may carry credentials.
    location: `mongodb ${connection.host}:${connection.port}/${connection.name}`,
    clients: new MongoClients(models),
    strategies: new MongoStrategies(models),
    versions: new MongoVersions(models),
    releases: new MongoReleases(models),
    audit: new MongoAudit(models),
    state: new MongoState(models),
    keys: new MongoKeys(models),
    plugins: new MongoPlugins(models),
    pluginDrafts: new MongoPluginDrafts(models),
    ...(await mongoSimulationStores(connection)),
    ping: async () => {
      await connection.db?.admin().command({ ping: 1 });
    },
    close: () => connection.close(),
  };
}
