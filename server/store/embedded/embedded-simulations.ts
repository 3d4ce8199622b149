import { createReadStream } from 'node:fs';
import { copyFile, open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type ChangedOrder,
  ChangedOrderSchema,
  type SimulationJob,
  SimulationJobSchema,
} from '../../../api/schemas/simulations.ts';
import type { ChangesQueryInput, JobResultFiles, SimulationJobStore } from '../simulation-store.ts';
import { ensureDir, fsyncDir, TEMP_SUFFIX } from './atomic-file.ts';
import { simulationLayout as layout } from './simulation-layout.ts';
import type { Workspace } from './workspace.ts';

const UNFINISHED = new Set(['queued', 'running']);

/** `simulations/<client>/<id>/`: `job.json`, and once done `report.json`, `report.html`, `changes.ndjson`. */
export class EmbeddedSimulations implements SimulationJobStore {
  constructor(private readonly ws: Workspace) {}

  put(job: SimulationJob): Promise<SimulationJob> {
    return this.ws.write(layout.job(job.clientId, job.simulationId), SimulationJobSchema, job);
  }

  get(clientId: string, simulationId: string): Promise<SimulationJob | undefined> {
    return this.ws.read(layout.job(clientId, simulationId), SimulationJobSchema);
  }

  async list(clientId: string): Promise<SimulationJob[]> {
    const ids = await this.ws.list(layout.simulations(clientId));
    const jobs = await Promise.all(ids.map((id) => this.get(clientId, id)));
    return jobs
      .filter((j): j is SimulationJob => j !== undefined)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async listUnfinished(): Promise<SimulationJob[]> {
    const clients = await this.ws.list(layout.simulationsRoot);
    const jobs = (await Promise.all(clients.map((c) => this.list(c)))).flat();
    return jobs.filter((j) => UNFINISHED.has(j.status));
  }

  async putResults(clientId: string, simulationId: string, files: JobResultFiles): Promise<void> {
    this.ws.assertHeld();
    const copies: [string, 'report.json' | 'report.html' | 'changes.ndjson'][] = [
      [files.report, 'report.json'],
      [files.html, 'report.html'],
      [files.changes, 'changes.ndjson'],
    ];
    for (const [from, name] of copies)
      await this.copyDurably(from, this.ws.abs(layout.result(clientId, simulationId, name)));
  }

  async report(clientId: string, simulationId: string): Promise<string | undefined> {
    return readIfThere(this.ws.abs(layout.result(clientId, simulationId, 'report.json')));
  }

  async html(clientId: string, simulationId: string): Promise<string | undefined> {
    return readIfThere(this.ws.abs(layout.result(clientId, simulationId, 'report.html')));
  }

  async changes(
    clientId: string,
    simulationId: string,
    query: ChangesQueryInput,
  ): Promise<{ changes: ChangedOrder[]; nextCursor: number | null }> {
    const path = this.ws.abs(layout.result(clientId, simulationId, 'changes.ndjson'));
    const changes: ChangedOrder[] = [];
    let stream: ReturnType<typeof createReadStream>;
    try {
      stream = createReadStream(path);
      await new Promise<void>((resolve, reject) =>
        stream.once('open', () => resolve()).once('error', reject),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { changes, nextCursor: null };
      throw error;
    }
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    try {
      for await (const line of lines) {
        if (line === '') continue;
        const change = ChangedOrderSchema.parse(JSON.parse(line));
        if (change.seq < query.cursor || (query.kind && !change.kinds.includes(query.kind))) continue;
        // One more than the page: whether there is a next page, without a count of the rest.
        if (changes.length === query.limit) return { changes, nextCursor: change.seq };
        changes.push(change);
      }
    } finally {
      lines.close();
      stream.destroy();
    }
    return { changes, nextCursor: null };
  }

  /** A temp copy fsynced and renamed into place, so a crash leaves the whole file or none. */
  private async copyDurably(from: string, to: string): Promise<void> {
    const dir = dirname(to);
    await ensureDir(dir);
    const temp = join(dir, `.${basename(to)}.${process.pid}${TEMP_SUFFIX}`);
    await copyFile(from, temp);
    const handle = await open(temp, 'r');
    await handle.sync();
    await handle.close();
    await rename(temp, to);
    await fsyncDir(dir);
  }
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
