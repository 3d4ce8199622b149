import { type ApiKeyRecord, ApiKeyRecordSchema } from '../records.ts';
import type { KeyStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import type { Models } from './models.ts';

export class MongoKeys implements KeyStore {
  constructor(private readonly m: Models) {}

  async list(): Promise<ApiKeyRecord[]> {
    const docs = await this.m.keys.find().sort({ keyId: 1 }).lean();
    return docs.map((d) => decode(ApiKeyRecordSchema, d.body, `keys/${d.keyId}`));
  }

  async get(keyId: string): Promise<ApiKeyRecord | undefined> {
    const doc = await this.m.keys.findOne({ keyId }).lean();
    return doc ? decode(ApiKeyRecordSchema, doc.body, `keys/${keyId}`) : undefined;
  }

  async put(key: ApiKeyRecord): Promise<void> {
    await this.m.keys.replaceOne(
      { keyId: key.keyId },
      { keyId: key.keyId, body: encode(ApiKeyRecordSchema, key) },
      { upsert: true },
    );
  }

  async delete(keyId: string): Promise<boolean> {
    return (await this.m.keys.deleteOne({ keyId })).deletedCount > 0;
  }
}
