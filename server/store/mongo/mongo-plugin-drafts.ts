import { nextPluginDraft } from '../plugin-drafts.ts';
import { type PluginDraft, PluginDraftSchema } from '../records.ts';
import type { PluginDraftStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

/** Saves racing on one draft before one gives up (each lost race means another save landed). */
const MAX_RACES = 16;

/** One document per draft; a save is an insert or an update conditional on the revision it read. */
export class MongoPluginDrafts implements PluginDraftStore {
  constructor(private readonly m: Models) {}

  async list(clientId: string): Promise<Omit<PluginDraft, 'source'>[]> {
    const docs = await this.m.pluginDrafts.find({ clientId }).sort({ pluginId: 1 }).lean();
    return docs.map((d) => {
      const { source: _source, ...summary } = decode(
        PluginDraftSchema,
        d.body,
        `pluginDrafts/${clientId}/${d.pluginId}`,
      );
      return summary;
    });
  }

  async get(clientId: string, pluginId: string): Promise<PluginDraft | undefined> {
    const doc = await this.m.pluginDrafts.findOne({ clientId, pluginId }).lean();
    return doc ? decode(PluginDraftSchema, doc.body, `pluginDrafts/${clientId}/${pluginId}`) : undefined;
  }

  async save(clientId: string, pluginId: string, source: string, by: string): Promise<PluginDraft> {
    for (let race = 1; ; race++) {
      const previous = await this.m.pluginDrafts.findOne({ clientId, pluginId }).lean();
      const draft = nextPluginDraft(previous?.revision ?? 0, clientId, pluginId, source, by);
      const body = encode(PluginDraftSchema, draft);
      if (!previous) {
        try {
          await this.m.pluginDrafts.create({ clientId, pluginId, revision: draft.revision, body });
          return draft;
        } catch (error) {
          if (!isDuplicateKey(error) || race === MAX_RACES) throw error;
          continue;
        }
      }
      const updated = await this.m.pluginDrafts.updateOne(
        { clientId, pluginId, revision: previous.revision },
        { $set: { revision: draft.revision, body } },
      );
      if (updated.matchedCount === 1) return draft;
      if (race === MAX_RACES)
        throw new Error(`plugin draft ${pluginId} of client "${clientId}" kept changing under its save`);
    }
  }
}
