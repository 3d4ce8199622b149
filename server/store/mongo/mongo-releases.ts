import { RevisionConflictError } from '../errors.ts';
import { type Release, ReleaseSchema } from '../records.ts';
import type { NewRelease, ReleaseStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

/**
 * A client's live release and its history share one document, so a publish is one atomic
 * single-document update (no transaction, hence no replica set, needed) filtered on the release
 * the caller built from.
 */
export class MongoReleases implements ReleaseStore {
  constructor(private readonly m: Models) {}

  async live(clientId: string): Promise<Release | undefined> {
    const doc = await this.m.lives.findOne({ clientId }).select({ body: 1 }).lean();
    return doc ? decode(ReleaseSchema, doc.body, `lives/${clientId}`) : undefined;
  }

  async publish(clientId: string, next: NewRelease, expectedRelease: number): Promise<Release> {
    const what = `the live pipeline of client "${clientId}"`;
    const release: Release = {
      ...next,
      clientId,
      release: expectedRelease + 1,
      at: new Date().toISOString(),
    };
    const body = encode(ReleaseSchema, release);
    if (expectedRelease === 0) {
      try {
        await this.m.lives.create({ clientId, release: 1, body, history: [body] });
      } catch (error) {
        if (isDuplicateKey(error))
          throw new RevisionConflictError(what, (await this.live(clientId))?.release, 0);
        throw error;
      }
    } else {
      const result = await this.m.lives.updateOne(
        { clientId, release: expectedRelease },
        { $set: { release: release.release, body }, $push: { history: body } },
      );
      if (result.matchedCount === 0) {
        throw new RevisionConflictError(what, (await this.live(clientId))?.release ?? 0, expectedRelease);
      }
    }
    return ReleaseSchema.parse(release);
  }

  async list(clientId: string): Promise<Release[]> {
    const doc = await this.m.lives.findOne({ clientId }).select({ history: 1 }).lean();
    const history = doc?.history ?? [];
    return history.map((b, i) => decode(ReleaseSchema, b, `lives/${clientId}/history/${i}`)).reverse();
  }

  async get(clientId: string, release: number): Promise<Release | undefined> {
    return (await this.list(clientId)).find((r) => r.release === release);
  }
}
