import { RevisionConflictError } from '../errors.ts';
import { type Release, ReleaseSchema } from '../records.ts';
import type { NewRelease, ReleaseStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

/**
 * `clients/<id>/releases/<n>.json` keeps every release; `clients/<id>/live.json` is the pointer.
 * Publishing writes the new release file first, then switches the pointer with one atomic rename:
 * a crash before the switch leaves the old pipeline live and an unreferenced release file, which
 * the next publish overwrites (it gets the same number, and only releases up to live count).
 */
export class EmbeddedReleases implements ReleaseStore {
  constructor(private readonly ws: Workspace) {}

  live(clientId: string): Promise<Release | undefined> {
    return this.ws.read(layout.live(clientId), ReleaseSchema);
  }

  publish(clientId: string, next: NewRelease, expectedRelease: number): Promise<Release> {
    return this.ws.exclusive(layout.live(clientId), async () => {
      const current = (await this.live(clientId))?.release ?? 0;
      if (current !== expectedRelease) {
        throw new RevisionConflictError(
          `the live pipeline of client "${clientId}"`,
          current,
          expectedRelease,
        );
      }
      const release: Release = { ...next, clientId, release: current + 1, at: new Date().toISOString() };
      await this.ws.write(layout.release(clientId, release.release), ReleaseSchema, release);
      return this.ws.write(layout.live(clientId), ReleaseSchema, release);
    });
  }

  async list(clientId: string): Promise<Release[]> {
    const live = await this.live(clientId);
    if (!live) return [];
    const numbers = Array.from({ length: live.release }, (_, i) => live.release - i);
    const releases = await Promise.all(numbers.map((n) => this.get(clientId, n)));
    return releases.filter((r): r is Release => r !== undefined);
  }

  async get(clientId: string, release: number): Promise<Release | undefined> {
    const live = await this.live(clientId);
    if (!live || release > live.release) return undefined;
    return this.ws.read(layout.release(clientId, release), ReleaseSchema);
  }
}
