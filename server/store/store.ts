import type { Client } from '../../engine/client/index.ts';
import type { Strategy } from '../../engine/graph/schema.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type {
  ApiKeyRecord,
  ClientRecord,
  ConsumptionEntry,
  DecisionRecord,
  PersistedState,
  PluginDraft,
  PluginVersionRecord,
  PluginVersionSummary,
  Release,
  StrategyRecord,
  VersionRecord,
} from './records.ts';
import type { SimulationStores } from './simulation-store.ts';

/**
 * The one persistence contract of the server: an embedded workspace of JSON files by
 * default, MongoDB for teams. `store.contract.ts` holds both to it.
 *
 * Records returned are the caller's to read, not to change: the embedded store shares them with
 * its cache. Writes that must not lose a concurrent edit take the revision the caller last saw and
 * throw `RevisionConflictError` (carrying the current revision) when it is stale.
 */
export interface Store extends SimulationStores {
  readonly kind: 'embedded' | 'mongodb';
  /** Where the data lives, for people: a folder or a MongoDB host and database (never credentials). */
  readonly location: string;
  readonly clients: ClientStore;
  readonly strategies: StrategyStore;
  readonly versions: VersionStore;
  readonly releases: ReleaseStore;
  readonly audit: AuditStore;
  readonly state: StateStore;
  readonly keys: KeyStore;
  readonly plugins: PluginStore;
  readonly pluginDrafts: PluginDraftStore;
  /** Throws when the store cannot serve (a lost connection); health checks call it. */
  /**
   * Documents this process caches in memory (the embedded store): `onChange` hears each one written,
   * `forget` drops them all. The control server tells evaluators of changes; an evaluator forgets.
   */
  readonly documents?: { onChange(listener: (rel: string) => void): void; forget(): void };
  ping(): Promise<void>;
  /** Flushes pending appends and releases the workspace or connection. */
  close(): Promise<void>;
}

export interface ClientStore {
  list(): Promise<ClientRecord[]>;
  get(clientId: string): Promise<ClientRecord | undefined>;
  /** Throws `AlreadyExistsError` when the id is taken. */
  create(client: Client, by: string): Promise<ClientRecord>;
  /** Throws `NotFoundError`, or `RevisionConflictError` when `expectedRevision` is stale ("*" skips the check). */
  update(client: Client, expectedRevision: number | '*', by: string): Promise<ClientRecord>;
}

export interface StrategyStore {
  list(clientId: string): Promise<StrategyRecord[]>;
  get(clientId: string, strategyId: string): Promise<StrategyRecord | undefined>;
  create(strategy: Strategy, by: string): Promise<StrategyRecord>;
  update(strategy: Strategy, expectedRevision: number | '*', by: string): Promise<StrategyRecord>;
  /** Removes the draft; its versions stay, being immutable. */
  delete(clientId: string, strategyId: string, expectedRevision: number | '*'): Promise<void>;
}

export type NewVersion = Omit<VersionRecord, 'version' | 'createdAt'>;
export type VersionSummary = Omit<VersionRecord, 'strategy' | 'compiled'>;

export interface VersionStore {
  /** Stores the next version (1, 2, …) of a strategy; never overwrites one. */
  create(version: NewVersion): Promise<VersionRecord>;
  /** Newest first. */
  list(clientId: string, strategyId: string): Promise<VersionSummary[]>;
  get(clientId: string, strategyId: string, version: number): Promise<VersionRecord | undefined>;
}

export type NewRelease = Omit<Release, 'clientId' | 'release' | 'at'>;

export interface ReleaseStore {
  live(clientId: string): Promise<Release | undefined>;
  /**
   * Makes `next` the client's live pipeline as release `expectedRelease + 1`, in one atomic switch.
   * `expectedRelease` is the live release the caller built `next` from (0 when none): a publish
   * in between makes it stale and throws `RevisionConflictError`.
   */
  publish(clientId: string, next: NewRelease, expectedRelease: number): Promise<Release>;
  /** Every release up to the live one, newest first: who published what, when. */
  list(clientId: string): Promise<Release[]>;
  get(clientId: string, release: number): Promise<Release | undefined>;
}

export interface AuditStore {
  /** Durable when the promise resolves. Records are kept in the order the calls were made. */
  append(records: readonly DecisionRecord[]): Promise<void>;
  /** Every decision recorded for an order of a client, oldest first. */
  findByOrder(clientId: string, orderId: string): Promise<DecisionRecord[]>;
}

export interface StateStore {
  /** The client's counters, stock and buyer history: the last snapshot with every later consumption applied. */
  load(clientId: string): Promise<PersistedState>;
  /** Records what decisions took; durable when the promise resolves. */
  append(clientId: string, entries: readonly ConsumptionEntry[]): Promise<void>;
  /** Replaces the state (an OMS pushing stock levels); consumption recorded before it no longer counts. */
  replace(clientId: string, snapshot: StateSnapshot): Promise<void>;
}

export type NewPluginVersion = Omit<PluginVersionRecord, 'createdAt'>;

/**
 * The source a plugin developer is writing: one draft per client and plugin id, replaced by each save
 * (counted by `revision`). Work in progress, not builds: a draft need not compile, and nothing runs it.
 */
export interface PluginDraftStore {
  /** The client's drafts without their source, by plugin id. */
  list(clientId: string): Promise<Omit<PluginDraft, 'source'>[]>;
  get(clientId: string, pluginId: string): Promise<PluginDraft | undefined>;
  /** Replaces the draft atomically; saves of one draft count one revision each. */
  save(clientId: string, pluginId: string, source: string, by: string): Promise<PluginDraft>;
}

/** Each client's plugin builds, one immutable record per plugin id and version. */
export interface PluginStore {
  /** Throws `AlreadyExistsError` when the client already has this plugin id and version. */
  create(record: NewPluginVersion): Promise<PluginVersionRecord>;
  /** Every build of the client's plugins, without source and code, by plugin id then oldest first. */
  list(clientId: string): Promise<PluginVersionSummary[]>;
  get(clientId: string, pluginId: string, version: string): Promise<PluginVersionRecord | undefined>;
  /** False when there was no such build. */
  delete(clientId: string, pluginId: string, version: string): Promise<boolean>;
}

export interface KeyStore {
  list(): Promise<ApiKeyRecord[]>;
  get(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Creates or replaces the key with this id. */
  put(key: ApiKeyRecord): Promise<void>;
  /** False when there was no such key. */
  delete(keyId: string): Promise<boolean>;
}
