import { type MappingRecord, MappingRecordSchema } from '../../../api/schemas/simulations.ts';
import { RevisionConflictError } from '../errors.ts';
import type { MappingStore } from '../simulation-store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey } from './models.ts';
import type { SimulationModels } from './simulation-models.ts';

export class MongoMappings implements MappingStore {
  constructor(private readonly m: SimulationModels) {}

  async list(clientId: string): Promise<MappingRecord[]> {
    const docs = await this.m.mappings.find({ clientId }).sort({ mappingId: 1 }).lean();
    return docs.map((d) => decode(MappingRecordSchema, d.body, `mappings/${clientId}/${d.mappingId}`));
  }

  async get(clientId: string, mappingId: string): Promise<MappingRecord | undefined> {
    const doc = await this.m.mappings.findOne({ clientId, mappingId }).lean();
    return doc ? decode(MappingRecordSchema, doc.body, `mappings/${clientId}/${mappingId}`) : undefined;
  }

  async put(
    clientId: string,
    mappingId: string,
    mapping: Record<string, unknown>,
    expectedRevision: number | '*',
    by: string,
  ): Promise<MappingRecord> {
    const current = await this.get(clientId, mappingId);
    const revision = current?.revision ?? 0;
    if (expectedRevision !== '*' && expectedRevision !== revision) {
      throw new RevisionConflictError(`mapping "${mappingId}"`, revision, expectedRevision);
    }
    const record: MappingRecord = {
      clientId,
      mappingId,
      revision: revision + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: by,
      mapping,
    };
    const doc = { clientId, mappingId, revision: record.revision, body: encode(MappingRecordSchema, record) };
    try {
      // The revision read is the filter: a write in between matches nothing and is refused below.
      const result = current
        ? await this.m.mappings.updateOne({ clientId, mappingId, revision }, doc)
        : await this.m.mappings.create(doc).then(() => ({ matchedCount: 1 }));
      if (result.matchedCount === 0)
        throw new RevisionConflictError(`mapping "${mappingId}"`, undefined, revision);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new RevisionConflictError(`mapping "${mappingId}"`, undefined, revision);
      throw error;
    }
    return record;
  }

  async delete(clientId: string, mappingId: string): Promise<boolean> {
    return (await this.m.mappings.deleteOne({ clientId, mappingId })).deletedCount > 0;
  }
}
