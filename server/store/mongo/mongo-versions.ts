import { type VersionRecord, VersionRecordSchema } from '../records.ts';
import type { NewVersion, VersionStore, VersionSummary } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

const where = (clientId: string, strategyId: string, version: number) =>
  `versions/${clientId}/${strategyId}/${version}`;

/** Versions are numbered by inserting latest + 1; the unique index turns a race into a retry, never an overwrite. */
export class MongoVersions implements VersionStore {
  constructor(private readonly m: Models) {}

  async create(input: NewVersion): Promise<VersionRecord> {
    const { clientId, strategyId } = input;
    for (let attempt = 0; attempt < 10; attempt++) {
      const latest = await this.m.versions.findOne({ clientId, strategyId }).sort({ version: -1 }).lean();
      const record: VersionRecord = {
        ...input,
        version: (latest?.version ?? 0) + 1,
        createdAt: new Date().toISOString(),
      };
      try {
        await this.m.versions.create({
          clientId,
          strategyId,
          version: record.version,
          body: encode(VersionRecordSchema, record),
        });
        return VersionRecordSchema.parse(record);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(
      `could not number a new version of ${clientId}/${strategyId}: too many concurrent writers`,
    );
  }

  async list(clientId: string, strategyId: string): Promise<VersionSummary[]> {
    const docs = await this.m.versions.find({ clientId, strategyId }).sort({ version: -1 }).lean();
    return docs.map((d) => {
      const {
        strategy: _s,
        compiled: _c,
        ...summary
      } = decode(VersionRecordSchema, d.body, where(clientId, strategyId, d.version));
      return summary;
    });
  }

  async get(clientId: string, strategyId: string, version: number): Promise<VersionRecord | undefined> {
    const doc = await this.m.versions.findOne({ clientId, strategyId, version }).lean();
    return doc ? decode(VersionRecordSchema, doc.body, where(clientId, strategyId, version)) : undefined;
  }
}
