import { AlreadyExistsError } from '../errors.ts';
import { compareVersions } from '../plugin-versions.ts';
import {
  type PluginVersionRecord,
  PluginVersionRecordSchema,
  type PluginVersionSummary,
} from '../records.ts';
import type { NewPluginVersion, PluginStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

const JSON_SUFFIX = '.json';

/** `clients/<c>/plugins/<pluginId>/<version>.json`: one build per file, written once. */
export class EmbeddedPlugins implements PluginStore {
  constructor(private readonly ws: Workspace) {}

  create(input: NewPluginVersion): Promise<PluginVersionRecord> {
    const rel = layout.pluginVersion(input.clientId, input.pluginId, input.version);
    return this.ws.exclusive(rel, async () => {
      if (await this.ws.read(rel, PluginVersionRecordSchema)) {
        throw new AlreadyExistsError(
          `plugin ${input.pluginId}@${input.version} of client "${input.clientId}"`,
        );
      }
      const record = { ...input, createdAt: new Date().toISOString() };
      return this.ws.write(rel, PluginVersionRecordSchema, record);
    });
  }

  async list(clientId: string): Promise<PluginVersionSummary[]> {
    const summaries: PluginVersionSummary[] = [];
    for (const pluginId of await this.ws.list(layout.plugins(clientId))) {
      const versions = (await this.ws.list(layout.pluginVersions(clientId, pluginId)))
        .filter((name) => name.endsWith(JSON_SUFFIX))
        .map((name) => name.slice(0, -JSON_SUFFIX.length))
        .sort(compareVersions);
      for (const version of versions) {
        const record = await this.get(clientId, pluginId, version);
        if (!record) continue;
        const { source: _source, code: _code, ...summary } = record;
        summaries.push(summary);
      }
    }
    return summaries;
  }

  get(clientId: string, pluginId: string, version: string): Promise<PluginVersionRecord | undefined> {
    return this.ws.read(layout.pluginVersion(clientId, pluginId, version), PluginVersionRecordSchema);
  }

  delete(clientId: string, pluginId: string, version: string): Promise<boolean> {
    const rel = layout.pluginVersion(clientId, pluginId, version);
    return this.ws.exclusive(rel, async () => {
      if (!(await this.ws.read(rel, PluginVersionRecordSchema))) return false;
      await this.ws.remove(rel);
      return true;
    });
  }
}
