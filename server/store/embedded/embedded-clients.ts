import type { Client } from '../../../engine/client/index.ts';
import { AlreadyExistsError, NotFoundError } from '../errors.ts';
import { type ClientRecord, ClientRecordSchema } from '../records.ts';
import { checkRevision } from '../revision.ts';
import type { ClientStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

/** `clients/<id>/client.json`: the client's master data with its revision. */
export class EmbeddedClients implements ClientStore {
  constructor(private readonly ws: Workspace) {}

  async list(): Promise<ClientRecord[]> {
    const ids = await this.ws.list(layout.clients);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((r): r is ClientRecord => r !== undefined);
  }

  get(clientId: string): Promise<ClientRecord | undefined> {
    return this.ws.read(layout.client(clientId), ClientRecordSchema);
  }

  create(client: Client, by: string): Promise<ClientRecord> {
    const rel = layout.client(client.id);
    return this.ws.exclusive(rel, async () => {
      if (await this.ws.read(rel, ClientRecordSchema)) throw new AlreadyExistsError(`client "${client.id}"`);
      const now = new Date().toISOString();
      return this.ws.write(rel, ClientRecordSchema, {
        clientId: client.id,
        revision: 1,
        updatedAt: now,
        updatedBy: by,
        client,
      });
    });
  }

  update(client: Client, expectedRevision: number | '*', by: string): Promise<ClientRecord> {
    const rel = layout.client(client.id);
    return this.ws.exclusive(rel, async () => {
      const current = await this.ws.read(rel, ClientRecordSchema);
      if (!current) throw new NotFoundError(`client "${client.id}"`);
      checkRevision(`client "${client.id}"`, current.revision, expectedRevision);
      return this.ws.write(rel, ClientRecordSchema, {
        ...current,
        revision: current.revision + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: by,
        client,
      });
    });
  }
}
