import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type HistoryRecord, HistoryRecordSchema } from '../../../api/schemas/simulations.ts';
import { NotFoundError } from '../errors.ts';
import type { HistoryStore } from '../simulation-store.ts';
import { decode, encode } from './codec.ts';
import type { SimulationModels } from './simulation-models.ts';

const fileName = (clientId: string, historyId: string) => `${clientId}/${historyId}`;

/** Records in `histories`, files in the `historyFiles` GridFS bucket (chunks of 255 KB, any size). */
export class MongoHistories implements HistoryStore {
  constructor(private readonly m: SimulationModels) {}

  async writeFile(clientId: string, historyId: string, body: Readable): Promise<number> {
    const name = fileName(clientId, historyId);
    await this.removeFiles(name);
    const upload = this.m.historyFiles.openUploadStream(name, { metadata: { clientId, historyId } });
    try {
      await pipeline(body, upload);
    } catch (error) {
      // GridFS writes chunks as they come: a refused upload leaves chunks to delete.
      await upload.abort().catch(() => undefined);
      await this.removeFiles(name);
      throw error;
    }
    return upload.length;
  }

  async put(record: HistoryRecord): Promise<HistoryRecord> {
    const { clientId, historyId, createdAt } = record;
    await this.m.histories.replaceOne(
      { clientId, historyId },
      { clientId, historyId, createdAt, body: encode(HistoryRecordSchema, record) },
      { upsert: true },
    );
    return record;
  }

  async get(clientId: string, historyId: string): Promise<HistoryRecord | undefined> {
    const doc = await this.m.histories.findOne({ clientId, historyId }).lean();
    return doc ? decode(HistoryRecordSchema, doc.body, `histories/${clientId}/${historyId}`) : undefined;
  }

  async list(clientId: string): Promise<HistoryRecord[]> {
    const docs = await this.m.histories.find({ clientId }).sort({ createdAt: -1 }).lean();
    return docs.map((d) => decode(HistoryRecordSchema, d.body, `histories/${clientId}/${d.historyId}`));
  }

  async delete(clientId: string, historyId: string): Promise<boolean> {
    const deleted = (await this.m.histories.deleteOne({ clientId, historyId })).deletedCount > 0;
    await this.removeFiles(fileName(clientId, historyId));
    return deleted;
  }

  async localFile(clientId: string, historyId: string, scratchDir: string): Promise<string> {
    const name = fileName(clientId, historyId);
    const [file] = await this.m.historyFiles.find({ filename: name }).limit(1).toArray();
    if (!file) throw new NotFoundError(`history "${historyId}"`);
    // Simulation threads read a file several times, in parallel: a local copy, streamed down once.
    const path = join(scratchDir, 'orders.data');
    await pipeline(this.m.historyFiles.openDownloadStream(file._id), createWriteStream(path));
    return path;
  }

  private async removeFiles(name: string): Promise<void> {
    for (const file of await this.m.historyFiles.find({ filename: name }).toArray()) {
      await this.m.historyFiles.delete(file._id);
    }
  }
}
