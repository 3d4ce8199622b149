import type { Client } from '../../../engine/client/index.ts';
import { AlreadyExistsError, NotFoundError, RevisionConflictError } from '../errors.ts';
import { type ClientRecord, ClientRecordSchema } from '../records.ts';
import { checkRevision } from '../revision.ts';
import type { ClientStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

export class MongoClients implements ClientStore {
  constructor(private readonly m: Models) {}

  async list(): Promise<ClientRecord[]> {
    const docs = await this.m.clients.find().sort({ clientId: 1 }).lean();
    return docs.map((d) => decode(ClientRecordSchema, d.body, `clients/${d.clientId}`));
  }

  async get(clientId: string): Promise<ClientRecord | undefined> {
    const doc = await this.m.clients.findOne({ clientId }).lean();
    return doc ? decode(ClientRecordSchema, doc.body, `clients/${clientId}`) : undefined;
  }

  async create(client: Client, by: string): Promise<ClientRecord> {
    const record: ClientRecord = {
      clientId: client.id,
      revision: 1,
      updatedAt: new Date().toISOString(),
      updatedBy: by,
      client,
    };
    try {
      await this.m.clients.create({
        clientId: client.id,
        revision: 1,
        body: encode(ClientRecordSchema, record),
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AlreadyExistsError(`client "${client.id}"`);
      throw error;
    }
    return ClientRecordSchema.parse(record);
  }

  async update(client: Client, expectedRevision: number | '*', by: string): Promise<ClientRecord> {
    const what = `client "${client.id}"`;
    const current = await this.get(client.id);
    if (!current) throw new NotFoundError(what);
    checkRevision(what, current.revision, expectedRevision);
    const next: ClientRecord = {
      ...current,
      revision: current.revision + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: by,
      client,
    };
    // The revision read above is in the filter: a write that landed in between makes this match nothing.
    const result = await this.m.clients.updateOne(
      { clientId: client.id, revision: current.revision },
      { $set: { revision: next.revision, body: encode(ClientRecordSchema, next) } },
    );
    if (result.matchedCount === 0) {
      throw new RevisionConflictError(what, (await this.get(client.id))?.revision, current.revision);
    }
    return ClientRecordSchema.parse(next);
  }
}
