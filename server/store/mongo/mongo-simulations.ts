import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ChangedOrder,
  ChangedOrderSchema,
  type SimulationJob,
  SimulationJobSchema,
} from '../../../api/schemas/simulations.ts';
import type { ChangesQueryInput, JobResultFiles, SimulationJobStore } from '../simulation-store.ts';
import { decode, encode } from './codec.ts';
import type { SimulationModels } from './simulation-models.ts';

/** Changed orders inserted this many at a time. */
const CHANGES_BATCH = 500;

/** Jobs in `simulations`, reports in the `reportFiles` GridFS bucket, changed orders in `simulation_changes`. */
export class MongoSimulations implements SimulationJobStore {
  constructor(private readonly m: SimulationModels) {}

  async put(job: SimulationJob): Promise<SimulationJob> {
    const { clientId, simulationId, status, createdAt } = job;
    await this.m.simulations.replaceOne(
      { clientId, simulationId },
      { clientId, simulationId, status, createdAt, body: encode(SimulationJobSchema, job) },
      { upsert: true },
    );
    return job;
  }

  async get(clientId: string, simulationId: string): Promise<SimulationJob | undefined> {
    const doc = await this.m.simulations.findOne({ clientId, simulationId }).lean();
    return doc ? decode(SimulationJobSchema, doc.body, `simulations/${clientId}/${simulationId}`) : undefined;
  }

  async list(clientId: string): Promise<SimulationJob[]> {
    const docs = await this.m.simulations.find({ clientId }).sort({ createdAt: -1 }).lean();
    return docs.map((d) => decode(SimulationJobSchema, d.body, `simulations/${clientId}/${d.simulationId}`));
  }

  async listUnfinished(): Promise<SimulationJob[]> {
    const docs = await this.m.simulations.find({ status: { $in: ['queued', 'running'] } }).lean();
    return docs.map((d) =>
      decode(SimulationJobSchema, d.body, `simulations/${d.clientId}/${d.simulationId}`),
    );
  }

  async putResults(clientId: string, simulationId: string, files: JobResultFiles): Promise<void> {
    await this.m.changes.deleteMany({ clientId, simulationId });
    let batch: { clientId: string; simulationId: string; seq: number; kinds: string[]; body: string }[] = [];
    const lines = createInterface({
      input: createReadStream(files.changes),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line === '') continue;
      const change = ChangedOrderSchema.parse(JSON.parse(line));
      batch.push({ clientId, simulationId, seq: change.seq, kinds: change.kinds, body: line });
      if (batch.length === CHANGES_BATCH) {
        await this.m.changes.insertMany(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await this.m.changes.insertMany(batch);
    for (const [file, name] of [
      [files.report, 'report.json'],
      [files.html, 'report.html'],
    ] as const) {
      const filename = `${clientId}/${simulationId}/${name}`;
      for (const old of await this.m.reportFiles.find({ filename }).toArray())
        await this.m.reportFiles.delete(old._id);
      await pipeline(createReadStream(file), this.m.reportFiles.openUploadStream(filename));
    }
  }

  report(clientId: string, simulationId: string): Promise<string | undefined> {
    return this.readFile(`${clientId}/${simulationId}/report.json`);
  }

  html(clientId: string, simulationId: string): Promise<string | undefined> {
    return this.readFile(`${clientId}/${simulationId}/report.html`);
  }

  async changes(
    clientId: string,
    simulationId: string,
    query: ChangesQueryInput,
  ): Promise<{ changes: ChangedOrder[]; nextCursor: number | null }> {
    const filter = {
      clientId,
      simulationId,
      seq: { $gte: query.cursor },
      ...(query.kind ? { kinds: query.kind } : {}),
    };
    const docs = await this.m.changes
      .find(filter)
      .sort({ seq: 1 })
      .limit(query.limit + 1)
      .lean();
    const page = docs.slice(0, query.limit).map((d) => ChangedOrderSchema.parse(JSON.parse(d.body)));
    return { changes: page, nextCursor: docs.length > query.limit ? docs[query.limit]!.seq : null };
  }

  private async readFile(filename: string): Promise<string | undefined> {
    const [file] = await this.m.reportFiles.find({ filename }).limit(1).toArray();
    if (!file) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from(this.m.reportFiles.openDownloadStream(file._id)))
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
