import type {
  PluginBuildCheckAnswer,
  PluginBuildIssueView,
  PluginCreatedAnswer,
  PluginDraft,
  PluginTrialAnswer,
  PluginTrialInput,
  PluginVersionSummary,
  PluginVersionView,
} from '../../../../api/index.ts';
import { request } from './http.ts';

/**
 * The plugin developer's calls: installed plugins and their versions, the draft kept on the server,
 * the build check, the test run and the install. Types come from the schemas the server validates with.
 */

export type {
  PluginBuildCheckAnswer,
  PluginBuildIssueView,
  PluginDraft,
  PluginTrialAnswer,
  PluginTrialInput,
  PluginVersionSummary,
};
export type PluginManifest = PluginVersionView['manifest'];
export type PluginKind = PluginManifest['kind'];

export interface InstalledPlugin {
  pluginId: string;
  kind: PluginKind;
  name: string;
  /** Oldest first. */
  versions: string[];
}

const client = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;
const id = encodeURIComponent;

export async function listInstalledPlugins(clientId: string): Promise<InstalledPlugin[]> {
  return (await request<{ plugins: InstalledPlugin[] }>(`${client(clientId)}/plugins`)).body.plugins;
}

/** A plugin's versions with their manifests (no source), oldest first. */
export async function listPluginVersions(
  clientId: string,
  pluginId: string,
): Promise<PluginVersionSummary[]> {
  return (await request<{ versions: PluginVersionSummary[] }>(`${client(clientId)}/plugins/${id(pluginId)}`))
    .body.versions;
}

export async function readPluginVersion(
  clientId: string,
  pluginId: string,
  version: string,
): Promise<PluginVersionView> {
  return (await request<PluginVersionView>(`${client(clientId)}/plugins/${id(pluginId)}/${id(version)}`))
    .body;
}

export async function listPluginDrafts(clientId: string): Promise<Omit<PluginDraft, 'source'>[]> {
  return (await request<{ drafts: Omit<PluginDraft, 'source'>[] }>(`${client(clientId)}/plugin-drafts`)).body
    .drafts;
}

export async function readPluginDraft(clientId: string, pluginId: string): Promise<PluginDraft> {
  return (await request<PluginDraft>(`${client(clientId)}/plugin-drafts/${id(pluginId)}`)).body;
}

export async function savePluginDraft(
  clientId: string,
  pluginId: string,
  source: string,
): Promise<PluginDraft> {
  return (
    await request<PluginDraft>(`${client(clientId)}/plugin-drafts/${id(pluginId)}`, {
      method: 'PUT',
      body: { source },
    })
  ).body;
}

/** Builds without storing: ok, the issues at file:line:column, and the manifest when it builds. */
export async function checkPluginBuild(clientId: string, source: string): Promise<PluginBuildCheckAnswer> {
  return (
    await request<PluginBuildCheckAnswer>(`${client(clientId)}/plugin-builds`, {
      method: 'POST',
      body: { source },
    })
  ).body;
}

/** Runs a source or an installed version once on one order; the plugin's own faults come back as `ok: false`. */
export async function runPluginTrial(clientId: string, input: PluginTrialInput): Promise<PluginTrialAnswer> {
  return (
    await request<PluginTrialAnswer>(`${client(clientId)}/plugin-runs`, { method: 'POST', body: input })
  ).body;
}

/** Installs the source as the version its manifest names (201 new, 200 the same source again; 409, 422). */
export async function installPlugin(
  clientId: string,
  source: string,
  note = '',
): Promise<PluginCreatedAnswer> {
  return (
    await request<PluginCreatedAnswer>(`${client(clientId)}/plugins`, {
      method: 'POST',
      body: { source, note },
    })
  ).body;
}
