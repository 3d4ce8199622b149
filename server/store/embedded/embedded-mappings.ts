import { type MappingRecord, MappingRecordSchema } from '../../../api/schemas/simulations.ts';
import { checkRevision } from '../revision.ts';
import type { MappingStore } from '../simulation-store.ts';
import { simulationLayout as layout } from './simulation-layout.ts';
import type { Workspace } from './workspace.ts';

/** `clients/<id>/mappings/<mappingId>.json`: a CSV mapping with its revision. */
export class EmbeddedMappings implements MappingStore {
  constructor(private readonly ws: Workspace) {}

  async list(clientId: string): Promise<MappingRecord[]> {
    const names = (await this.ws.list(layout.mappings(clientId))).filter((n) => n.endsWith('.json'));
    const records = await Promise.all(names.map((n) => this.get(clientId, n.slice(0, -'.json'.length))));
    return records.filter((r): r is MappingRecord => r !== undefined);
  }

  get(clientId: string, mappingId: string): Promise<MappingRecord | undefined> {
    return this.ws.read(layout.mapping(clientId, mappingId), MappingRecordSchema);
  }

  put(
    clientId: string,
    mappingId: string,
    mapping: Record<string, unknown>,
    expectedRevision: number | '*',
    by: string,
  ): Promise<MappingRecord> {
    const rel = layout.mapping(clientId, mappingId);
    return this.ws.exclusive(rel, async () => {
      const current = await this.ws.read(rel, MappingRecordSchema);
      if (expectedRevision !== '*')
        checkRevision(`mapping "${mappingId}"`, current?.revision ?? 0, expectedRevision);
      return this.ws.write(rel, MappingRecordSchema, {
        clientId,
        mappingId,
        revision: (current?.revision ?? 0) + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: by,
        mapping,
      });
    });
  }

  delete(clientId: string, mappingId: string): Promise<boolean> {
    const rel = layout.mapping(clientId, mappingId);
    return this.ws.exclusive(rel, async () => {
      if (!(await this.ws.read(rel, MappingRecordSchema))) return false;
      await this.ws.remove(rel);
      return true;
    });
  }
}
