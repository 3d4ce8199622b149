import type { Strategy } from '../../../engine/graph/schema.ts';
import { AlreadyExistsError, NotFoundError, RevisionConflictError } from '../errors.ts';
import { type StrategyRecord, StrategyRecordSchema } from '../records.ts';
import { checkRevision } from '../revision.ts';
import type { StrategyStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import { isDuplicateKey, type Models } from './models.ts';

const where = (clientId: string, strategyId: string) => `strategies/${clientId}/${strategyId}`;

export class MongoStrategies implements StrategyStore {
  constructor(private readonly m: Models) {}

  async list(clientId: string): Promise<StrategyRecord[]> {
    const docs = await this.m.strategies.find({ clientId }).sort({ strategyId: 1 }).lean();
    return docs.map((d) => decode(StrategyRecordSchema, d.body, where(clientId, d.strategyId)));
  }

  async get(clientId: string, strategyId: string): Promise<StrategyRecord | undefined> {
    const doc = await this.m.strategies.findOne({ clientId, strategyId }).lean();
    return doc ? decode(StrategyRecordSchema, doc.body, where(clientId, strategyId)) : undefined;
  }

  async create(strategy: Strategy, by: string): Promise<StrategyRecord> {
    const now = new Date().toISOString();
    const record: StrategyRecord = {
      clientId: strategy.clientId,
      strategyId: strategy.id,
      revision: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: by,
      strategy,
    };
    try {
      await this.m.strategies.create({
        clientId: record.clientId,
        strategyId: record.strategyId,
        revision: 1,
        body: encode(StrategyRecordSchema, record),
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AlreadyExistsError(`strategy "${strategy.id}" of client "${strategy.clientId}"`);
      }
      throw error;
    }
    return StrategyRecordSchema.parse(record);
  }

  async update(strategy: Strategy, expectedRevision: number | '*', by: string): Promise<StrategyRecord> {
    const { clientId, id: strategyId } = strategy;
    const what = `strategy "${strategyId}" of client "${clientId}"`;
    const current = await this.get(clientId, strategyId);
    if (!current) throw new NotFoundError(what);
    checkRevision(what, current.revision, expectedRevision);
    const next: StrategyRecord = {
      ...current,
      revision: current.revision + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: by,
      strategy,
    };
    // Optimistic concurrency: the revision we read is part of the filter.
    const result = await this.m.strategies.updateOne(
      { clientId, strategyId, revision: current.revision },
      { $set: { revision: next.revision, body: encode(StrategyRecordSchema, next) } },
    );
    if (result.matchedCount === 0) {
      throw new RevisionConflictError(
        what,
        (await this.get(clientId, strategyId))?.revision,
        current.revision,
      );
    }
    return StrategyRecordSchema.parse(next);
  }

  async delete(clientId: string, strategyId: string, expectedRevision: number | '*'): Promise<void> {
    const what = `strategy "${strategyId}" of client "${clientId}"`;
    const current = await this.get(clientId, strategyId);
    if (!current) throw new NotFoundError(what);
    checkRevision(what, current.revision, expectedRevision);
    const result = await this.m.strategies.deleteOne({ clientId, strategyId, revision: current.revision });
    if (result.deletedCount === 0) {
      throw new RevisionConflictError(
        what,
        (await this.get(clientId, strategyId))?.revision,
        current.revision,
      );
    }
  }
}
