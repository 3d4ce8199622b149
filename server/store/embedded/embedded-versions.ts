import { type VersionRecord, VersionRecordSchema } from '../records.ts';
import type { NewVersion, VersionStore, VersionSummary } from '../store.ts';
import { layout, numberedFile } from './layout.ts';
import type { Workspace } from './workspace.ts';

/** `…/strategies/<sid>/versions/<n>.json`: written once, never rewritten. */
export class EmbeddedVersions implements VersionStore {
  constructor(private readonly ws: Workspace) {}

  private async numbers(clientId: string, strategyId: string): Promise<number[]> {
    const names = await this.ws.list(layout.versions(clientId, strategyId));
    return names.map(numberedFile).filter((n): n is number => n !== undefined);
  }

  create(input: NewVersion): Promise<VersionRecord> {
    const { clientId, strategyId } = input;
    return this.ws.exclusive(layout.versions(clientId, strategyId), async () => {
      const version = Math.max(0, ...(await this.numbers(clientId, strategyId))) + 1;
      const record: VersionRecord = { ...input, version, createdAt: new Date().toISOString() };
      return this.ws.write(layout.version(clientId, strategyId, version), VersionRecordSchema, record);
    });
  }

  async list(clientId: string, strategyId: string): Promise<VersionSummary[]> {
    const numbers = (await this.numbers(clientId, strategyId)).sort((a, b) => b - a);
    const records = await Promise.all(numbers.map((n) => this.get(clientId, strategyId, n)));
    return records
      .filter((r): r is VersionRecord => r !== undefined)
      .map(({ strategy: _strategy, compiled: _compiled, ...summary }) => summary);
  }

  get(clientId: string, strategyId: string, version: number): Promise<VersionRecord | undefined> {
    return this.ws.read(layout.version(clientId, strategyId, version), VersionRecordSchema);
  }
}
