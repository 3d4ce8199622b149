import type { Strategy } from '../../../engine/graph/schema.ts';
import { AlreadyExistsError, NotFoundError } from '../errors.ts';
import { type StrategyRecord, StrategyRecordSchema } from '../records.ts';
import { checkRevision } from '../revision.ts';
import type { StrategyStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

/** `clients/<id>/strategies/<sid>/draft.json`: the working copy of a strategy with its revision. */
export class EmbeddedStrategies implements StrategyStore {
  constructor(private readonly ws: Workspace) {}

  async list(clientId: string): Promise<StrategyRecord[]> {
    const ids = await this.ws.list(layout.strategies(clientId));
    const records = await Promise.all(ids.map((id) => this.get(clientId, id)));
    return records.filter((r): r is StrategyRecord => r !== undefined);
  }

  get(clientId: string, strategyId: string): Promise<StrategyRecord | undefined> {
    return this.ws.read(layout.draft(clientId, strategyId), StrategyRecordSchema);
  }

  create(strategy: Strategy, by: string): Promise<StrategyRecord> {
    const rel = layout.draft(strategy.clientId, strategy.id);
    return this.ws.exclusive(rel, async () => {
      if (await this.ws.read(rel, StrategyRecordSchema)) {
        throw new AlreadyExistsError(`strategy "${strategy.id}" of client "${strategy.clientId}"`);
      }
      const now = new Date().toISOString();
      return this.ws.write(rel, StrategyRecordSchema, {
        clientId: strategy.clientId,
        strategyId: strategy.id,
        revision: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: by,
        strategy,
      });
    });
  }

  update(strategy: Strategy, expectedRevision: number | '*', by: string): Promise<StrategyRecord> {
    const rel = layout.draft(strategy.clientId, strategy.id);
    const what = `strategy "${strategy.id}" of client "${strategy.clientId}"`;
    return this.ws.exclusive(rel, async () => {
      const current = await this.ws.read(rel, StrategyRecordSchema);
      if (!current) throw new NotFoundError(what);
      checkRevision(what, current.revision, expectedRevision);
      return this.ws.write(rel, StrategyRecordSchema, {
        ...current,
        revision: current.revision + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: by,
        strategy,
      });
    });
  }

  delete(clientId: string, strategyId: string, expectedRevision: number | '*'): Promise<void> {
    const rel = layout.draft(clientId, strategyId);
    const what = `strategy "${strategyId}" of client "${clientId}"`;
    return this.ws.exclusive(rel, async () => {
      const current = await this.ws.read(rel, StrategyRecordSchema);
      if (!current) throw new NotFoundError(what);
      checkRevision(what, current.revision, expectedRevision);
      await this.ws.remove(rel);
    });
  }
}
