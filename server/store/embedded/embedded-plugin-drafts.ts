import { nextPluginDraft } from '../plugin-drafts.ts';
import { type PluginDraft, PluginDraftSchema } from '../records.ts';
import type { PluginDraftStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

const JSON_SUFFIX = '.json';

/** `clients/<c>/plugin-drafts/<pluginId>.json`, each save an atomic replace under the draft's lock. */
export class EmbeddedPluginDrafts implements PluginDraftStore {
  constructor(private readonly ws: Workspace) {}

  async list(clientId: string): Promise<Omit<PluginDraft, 'source'>[]> {
    const drafts: Omit<PluginDraft, 'source'>[] = [];
    const ids = (await this.ws.list(layout.pluginDrafts(clientId)))
      .filter((name) => name.endsWith(JSON_SUFFIX))
      .map((name) => name.slice(0, -JSON_SUFFIX.length))
      .sort();
    for (const pluginId of ids) {
      const draft = await this.get(clientId, pluginId);
      if (!draft) continue;
      const { source: _source, ...summary } = draft;
      drafts.push(summary);
    }
    return drafts;
  }

  get(clientId: string, pluginId: string): Promise<PluginDraft | undefined> {
    return this.ws.read(layout.pluginDraft(clientId, pluginId), PluginDraftSchema);
  }

  save(clientId: string, pluginId: string, source: string, by: string): Promise<PluginDraft> {
    const rel = layout.pluginDraft(clientId, pluginId);
    return this.ws.exclusive(rel, async () => {
      const previous = await this.ws.read(rel, PluginDraftSchema);
      const draft = nextPluginDraft(previous?.revision ?? 0, clientId, pluginId, source, by);
      return this.ws.write(rel, PluginDraftSchema, draft);
    });
  }
}
