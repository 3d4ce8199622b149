import { type Connection, type Model, Schema } from 'mongoose';
import {
  ApiKeyRecordSchema,
  ClientRecordSchema,
  DecisionRecordSchema,
  PluginDraftSchema,
  PluginVersionRecordSchema,
  ReleaseSchema,
  StrategyRecordSchema,
  VersionRecordSchema,
} from '../records.ts';
import { pathsFrom } from './zod-paths.ts';

export interface ClientDoc {
  clientId: string;
  revision: number;
  body: string;
}
export interface StrategyDoc {
  clientId: string;
  strategyId: string;
  revision: number;
  body: string;
}
export interface VersionDoc {
  clientId: string;
  strategyId: string;
  version: number;
  body: string;
}
/** One document per client: the live release and every release before it, so publishing is one atomic update. */
export interface LiveDoc {
  clientId: string;
  release: number;
  body: string;
  history: string[];
}
export interface DecisionDoc {
  clientId: string;
  orderId: string;
  at: Date;
  body: string;
}
export interface StateDoc {
  clientId: string;
  /** The last consumption entry folded into `body`. */
  seq: number;
  /** The last sequence number handed out. */
  nextSeq: number;
  body: string;
}
export interface ConsumptionDoc {
  clientId: string;
  seq: number;
  body: string;
}
export interface PluginVersionDoc {
  clientId: string;
  pluginId: string;
  version: string;
  body: string;
}
export interface PluginDraftDoc {
  clientId: string;
  pluginId: string;
  /** Also in `body`; here for the optimistic update's filter. */
  revision: number;
  body: string;
}
export interface KeyDoc {
  keyId: string;
  body: string;
}

export interface Models {
  clients: Model<ClientDoc>;
  strategies: Model<StrategyDoc>;
  versions: Model<VersionDoc>;
  lives: Model<LiveDoc>;
  decisions: Model<DecisionDoc>;
  states: Model<StateDoc>;
  consumptions: Model<ConsumptionDoc>;
  keys: Model<KeyDoc>;
  plugins: Model<PluginVersionDoc>;
  pluginDrafts: Model<PluginDraftDoc>;
}

const body = { type: String, required: true };
// A filter naming a field the model does not have is a bug; throwing beats silently matching everything.
const options = { strictQuery: 'throw' as const, versionKey: false as const };

/** The server's collections and their indexes, on one connection. */
export function defineModels(connection: Connection): Models {
  const clients = new Schema<ClientDoc>(
    { ...pathsFrom(ClientRecordSchema.shape, ['clientId', 'revision']), body },
    options,
  );
  clients.index({ clientId: 1 }, { unique: true });

  const strategies = new Schema<StrategyDoc>(
    { ...pathsFrom(StrategyRecordSchema.shape, ['clientId', 'strategyId', 'revision']), body },
    options,
  );
  strategies.index({ clientId: 1, strategyId: 1 }, { unique: true });

  const versions = new Schema<VersionDoc>(
    { ...pathsFrom(VersionRecordSchema.shape, ['clientId', 'strategyId', 'version']), body },
    options,
  );
  versions.index({ clientId: 1, strategyId: 1, version: -1 }, { unique: true });

  const lives = new Schema<LiveDoc>(
    {
      ...pathsFrom(ReleaseSchema.shape, ['clientId', 'release']),
      body,
      history: { type: [String], default: [] },
    },
    options,
  );
  lives.index({ clientId: 1 }, { unique: true });

  const decisions = new Schema<DecisionDoc>(
    {
      ...pathsFrom(DecisionRecordSchema.shape, ['clientId', 'orderId']),
      at: { type: Date, required: true },
      body,
    },
    options,
  );
  decisions.index({ clientId: 1, orderId: 1, at: 1 });

  const states = new Schema<StateDoc>(
    {
      ...pathsFrom(ClientRecordSchema.shape, ['clientId']),
      // No defaults: upserts set both explicitly, and mongoose adds no $setOnInsert of its own.
      seq: { type: Number, required: true },
      nextSeq: { type: Number, required: true },
      body,
    },
    options,
  );
  states.index({ clientId: 1 }, { unique: true });

  const consumptions = new Schema<ConsumptionDoc>(
    { ...pathsFrom(ClientRecordSchema.shape, ['clientId']), seq: { type: Number, required: true }, body },
    options,
  );
  consumptions.index({ clientId: 1, seq: 1 }, { unique: true });

  const keys = new Schema<KeyDoc>({ ...pathsFrom(ApiKeyRecordSchema.shape, ['keyId']), body }, options);
  keys.index({ keyId: 1 }, { unique: true });

  const plugins = new Schema<PluginVersionDoc>(
    { ...pathsFrom(PluginVersionRecordSchema.shape, ['clientId', 'pluginId', 'version']), body },
    options,
  );
  plugins.index({ clientId: 1, pluginId: 1, version: 1 }, { unique: true });

  const pluginDrafts = new Schema<PluginDraftDoc>(
    {
      ...pathsFrom(PluginDraftSchema.shape, ['clientId', 'pluginId']),
      revision: { type: Number, required: true },
      body,
    },
    options,
  );
  pluginDrafts.index({ clientId: 1, pluginId: 1 }, { unique: true });

  return {
    clients: connection.model('Client', clients, 'clients'),
    strategies: connection.model('Strategy', strategies, 'strategies'),
    versions: connection.model('Version', versions, 'versions'),
    lives: connection.model('Live', lives, 'lives'),
    decisions: connection.model('Decision', decisions, 'decisions'),
    states: connection.model('State', states, 'states'),
    consumptions: connection.model('Consumption', consumptions, 'consumptions'),
    keys: connection.model('Key', keys, 'keys'),
    plugins: connection.model('PluginVersion', plugins, 'pluginVersions'),
    pluginDrafts: connection.model('PluginDraft', pluginDrafts, 'pluginDrafts'),
  };
}

/** MongoDB's duplicate-key error: a unique index refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}
