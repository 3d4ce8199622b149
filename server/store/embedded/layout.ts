import { isId } from '../../../api/index.ts';
import { InputError } from '../../../engine/errors/index.ts';

/**
 * Where each record lives in DATA_DIR, relative paths with "/" (a workspace a person can read
 * and keep in git). What changes with every order (audit, state) and secrets (keys) sit
 * outside `clients/`, so a client's folder holds only its configuration.
 */
const seg = (value: string, what: string): string => {
  // Ids are checked at the API boundary too; this keeps a bad one from ever becoming a path.
  if (!isId(value)) throw new InputError('invalid_id', `${what} ${JSON.stringify(value)} is not a valid id`);
  return value;
};

const client = (clientId: string) => `clients/${seg(clientId, 'client id')}`;
const strategy = (clientId: string, strategyId: string) =>
  `${client(clientId)}/strategies/${seg(strategyId, 'strategy id')}`;

export const layout = {
  workspace: 'workspace.json',
  keys: 'keys.json',
  clients: 'clients',
  client: (clientId: string) => `${client(clientId)}/client.json`,
  strategies: (clientId: string) => `${client(clientId)}/strategies`,
  draft: (clientId: string, strategyId: string) => `${strategy(clientId, strategyId)}/draft.json`,
  versions: (clientId: string, strategyId: string) => `${strategy(clientId, strategyId)}/versions`,
  version: (clientId: string, strategyId: string, version: number) =>
    `${strategy(clientId, strategyId)}/versions/${version}.json`,
  plugins: (clientId: string) => `${client(clientId)}/plugins`,
  pluginVersions: (clientId: string, pluginId: string) =>
    `${client(clientId)}/plugins/${seg(pluginId, 'plugin id')}`,
  /** One build: `clients/<c>/plugins/<pluginId>/<version>.json`, written once. */
  pluginVersion: (clientId: string, pluginId: string, version: string) =>
    `${client(clientId)}/plugins/${seg(pluginId, 'plugin id')}/${seg(version, 'plugin version')}.json`,
  pluginDrafts: (clientId: string) => `${client(clientId)}/plugin-drafts`,
  /** The source a developer is writing: `clients/<c>/plugin-drafts/<pluginId>.json`, replaced by each save. */
  pluginDraft: (clientId: string, pluginId: string) =>
    `${client(clientId)}/plugin-drafts/${seg(pluginId, 'plugin id')}.json`,
  live: (clientId: string) => `${client(clientId)}/live.json`,
  releases: (clientId: string) => `${client(clientId)}/releases`,
  release: (clientId: string, release: number) => `${client(clientId)}/releases/${release}.json`,
  audit: 'audit',
  auditDay: (day: string) => `audit/${day}.ndjson`,
  /** Per client: one line per decision, `{"o":orderId,"d":day,"p":byteOffset,"n":byteLength}`. */
  auditIndex: (clientId: string) => `audit-index/${seg(clientId, 'client id')}.ndjson`,
  /** `{day, offset}`: every audit line before it is in its client's index (ids cannot start with "_"). */
  auditChecked: 'audit-index/_checked.json',
  stateSnapshot: (clientId: string) => `state/${seg(clientId, 'client id')}/snapshot.json`,
  stateLog: (clientId: string) => `state/${seg(clientId, 'client id')}/consumption.ndjson`,
} as const;

/** What a workspace keeps out of git: per-order data, secrets, the lock. */
export const GITIGNORE = [
  '# written by ordergraph',
  'audit/',
  'audit-index/',
  'state/',
  'keys.json',
  'histories/',
  'simulations/',
  '.lock',
  '',
].join('\n');

/** `5.json` → 5; anything else (a temp file, a stray note) → undefined. */
export function numberedFile(name: string): number | undefined {
  const match = /^([1-9][0-9]*)\.json$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
