import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type HistoryRecord, HistoryRecordSchema } from '../../../api/schemas/simulations.ts';
import type { HistoryStore } from '../simulation-store.ts';
import { ensureDir, fsyncDir, TEMP_SUFFIX } from './atomic-file.ts';
import { simulationLayout as layout } from './simulation-layout.ts';
import type { Workspace } from './workspace.ts';

/** `histories/<client>/<id>/`: `orders.data` as uploaded (gunzipped) and `history.json` describing it. */
export class EmbeddedHistories implements HistoryStore {
  constructor(private readonly ws: Workspace) {}

  async writeFile(clientId: string, historyId: string, body: Readable): Promise<number> {
    this.ws.assertHeld();
    const path = this.ws.abs(layout.historyFile(clientId, historyId));
    const dir = dirname(path);
    await ensureDir(dir);
    // A temp file renamed into place once complete: a crash or a refused upload leaves no half file.
    const temp = join(dir, `.orders.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    const out = createWriteStream(temp, { flags: 'wx' });
    try {
      await pipeline(body, out);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await rename(temp, path);
    await fsyncDir(dir);
    return out.bytesWritten;
  }

  put(record: HistoryRecord): Promise<HistoryRecord> {
    return this.ws.write(
      layout.historyRecord(record.clientId, record.historyId),
      HistoryRecordSchema,
      record,
    );
  }

  get(clientId: string, historyId: string): Promise<HistoryRecord | undefined> {
    return this.ws.read(layout.historyRecord(clientId, historyId), HistoryRecordSchema);
  }

  async list(clientId: string): Promise<HistoryRecord[]> {
    const ids = await this.ws.list(layout.histories(clientId));
    const records = await Promise.all(ids.map((id) => this.get(clientId, id)));
    return records
      .filter((r): r is HistoryRecord => r !== undefined)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async delete(clientId: string, historyId: string): Promise<boolean> {
    if (!(await this.get(clientId, historyId))) return false;
    await this.ws.remove(layout.historyRecord(clientId, historyId));
    await rm(this.ws.abs(layout.history(clientId, historyId)), { recursive: true, force: true });
    return true;
  }

  async localFile(clientId: string, historyId: string): Promise<string> {
    return this.ws.abs(layout.historyFile(clientId, historyId));
  }
}
