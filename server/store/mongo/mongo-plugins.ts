import { AlreadyExistsError } from '../errors.ts';
import { compareVersions } from '../plugin-versions.ts';
import {
  type PluginVersionRecord,
  PluginVersionRecordSchema,
  type PluginVersionSummary,
} from '../records.ts';
import type { NewPluginVersion, PluginStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

const where = (clientId: string, pluginId: string, version: string) =>
  `pluginVersions/${clientId}/${pluginId}/${version}`;

/** One document per build; the unique index makes a second upload of an id and version a conflict. */
export class MongoPlugins implements PluginStore {
  constructor(private readonly m: Models) {}

  async create(input: NewPluginVersion): Promise<PluginVersionRecord> {
    const record = PluginVersionRecordSchema.parse({ ...input, createdAt: new Date().toISOString() });
    const { clientId, pluginId, version } = record;
    try {
      await this.m.plugins.create({
        clientId,
        pluginId,
        version,
        body: encode(PluginVersionRecordSchema, record),
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AlreadyExistsError(`plugin ${pluginId}@${version} of client "${clientId}"`);
      }
      throw error;
    }
    return record;
  }

  async list(clientId: string): Promise<PluginVersionSummary[]> {
    const docs = await this.m.plugins.find({ clientId }).lean();
    return docs
      .map((d) => {
        const {
          source: _s,
          code: _c,
          ...summary
        } = decode(PluginVersionRecordSchema, d.body, where(clientId, d.pluginId, d.version));
        return summary;
      })
      .sort((a, b) =>
        a.pluginId === b.pluginId ? compareVersions(a.version, b.version) : a.pluginId < b.pluginId ? -1 : 1,
      );
  }

  async get(clientId: string, pluginId: string, version: string): Promise<PluginVersionRecord | undefined> {
    const doc = await this.m.plugins.findOne({ clientId, pluginId, version }).lean();
    return doc ? decode(PluginVersionRecordSchema, doc.body, where(clientId, pluginId, version)) : undefined;
  }

  async delete(clientId: string, pluginId: string, version: string): Promise<boolean> {
    const { deletedCount } = await this.m.plugins.deleteOne({ clientId, pluginId, version });
    return deletedCount === 1;
  }
}
