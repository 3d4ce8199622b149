import type { Strategy } from '../../core/engine.ts';
import type {
  ClientRecord,
  CutVersionInput,
  PluginCreatedAnswer,
  PluginVersionView,
  PublishInput,
  Release,
  ReleaseEntry,
  RollbackInput,
  StrategySummary,
  StrategyView,
  VersionRecord,
  VersionSummary,
} from './api-types.ts';
import { request } from './http.ts';

/** API v1, one function per call the editor makes. */

const client = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;
const strategy = (clientId: string, strategyId: string) =>
  `${client(clientId)}/strategies/${encodeURIComponent(strategyId)}`;

export async function checkKey(key: string): Promise<void> {
  await request('/clients', { key });
}

export async function listClients(): Promise<ClientRecord[]> {
  return (await request<{ clients: ClientRecord[] }>('/clients')).body.clients;
}

export async function getClient(clientId: string): Promise<ClientRecord> {
  return (await request<ClientRecord>(client(clientId))).body;
}

export async function listStrategies(clientId: string): Promise<StrategySummary[]> {
  return (await request<{ strategies: StrategySummary[] }>(`${client(clientId)}/strategies`)).body.strategies;
}

export async function getStrategy(clientId: string, strategyId: string): Promise<StrategyView> {
  return (await request<StrategyView>(strategy(clientId, strategyId))).body;
}

export async function createStrategy(clientId: string, doc: Strategy): Promise<StrategyView> {
  return (await request<StrategyView>(`${client(clientId)}/strategies`, { method: 'POST', body: doc })).body;
}

/** Saves the draft if it is still at `revision`; a newer one answers 409 (ApiFailure.isConflict). */
export async function saveStrategy(doc: Strategy, revision: number | '*'): Promise<StrategyView> {
  return (
    await request<StrategyView>(strategy(doc.clientId, doc.id), {
      method: 'PUT',
      body: doc,
      ifMatch: revision,
    })
  ).body;
}

/** Uploads a plugin's source; the server builds it and installs the version its manifest names. */
export async function publishPlugin(clientId: string, source: string): Promise<PluginCreatedAnswer> {
  return (
    await request<PluginCreatedAnswer>(`${client(clientId)}/plugins`, { method: 'POST', body: { source } })
  ).body;
}

/** The client's installed plugins, each with its versions (oldest first). */
export async function listPlugins(clientId: string): Promise<{ pluginId: string; versions: string[] }[]> {
  return (
    await request<{ plugins: { pluginId: string; versions: string[] }[] }>(`${client(clientId)}/plugins`)
  ).body.plugins;
}

export async function getPluginVersion(
  clientId: string,
  pluginId: string,
  version: string,
): Promise<PluginVersionView> {
  const path = `${client(clientId)}/plugins/${encodeURIComponent(pluginId)}/${encodeURIComponent(version)}`;
  return (await request<PluginVersionView>(path)).body;
}

export async function listVersions(clientId: string, strategyId: string): Promise<VersionSummary[]> {
  return (await request<{ versions: VersionSummary[] }>(`${strategy(clientId, strategyId)}/versions`)).body
    .versions;
}

export async function getVersion(
  clientId: string,
  strategyId: string,
  version: number,
): Promise<VersionRecord> {
  return (await request<VersionRecord>(`${strategy(clientId, strategyId)}/versions/${version}`)).body;
}

export async function cutVersion(
  clientId: string,
  strategyId: string,
  note: string,
  revision: number,
): Promise<VersionRecord> {
  const body: CutVersionInput = { note, revision };
  return (
    await request<VersionRecord>(`${strategy(clientId, strategyId)}/versions`, { method: 'POST', body })
  ).body;
}

/** The live release, or undefined when the client has nothing published. */
export async function getLive(clientId: string): Promise<Release | undefined> {
  try {
    return (await request<Release>(`${client(clientId)}/live`)).body;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

export async function listReleases(clientId: string): Promise<Release[]> {
  return (await request<{ releases: Release[] }>(`${client(clientId)}/audit/releases`)).body.releases;
}

export async function publish(
  clientId: string,
  strategies: ReleaseEntry[],
  expectedRelease: number,
  note: string,
): Promise<Release> {
  const body: PublishInput = { strategies, mode: 'merge', expectedRelease, note };
  return (await request<Release>(`${client(clientId)}/publish`, { method: 'POST', body })).body;
}

export async function rollback(
  clientId: string,
  expectedRelease: number,
  toRelease: number,
  note: string,
): Promise<Release> {
  const body: RollbackInput = { expectedRelease, toRelease, note };
  return (await request<Release>(`${client(clientId)}/rollback`, { method: 'POST', body })).body;
}
