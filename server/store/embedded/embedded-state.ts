import { z } from 'zod';
import { type StateSnapshot, StateSnapshotSchema } from '../../../engine/state/index.ts';
import { type ConsumptionEntry, ConsumptionEntrySchema, type PersistedState } from '../records.ts';
import { EMPTY_STATE, StateReplay } from '../state-replay.ts';
import type { StateStore } from '../store.ts';
import { layout } from './layout.ts';
import { readNdjson } from './ndjson-log.ts';
import type { Workspace } from './workspace.ts';

/** `state/<id>/snapshot.json`: the state as of consumption entry `seq`. */
const StateFileSchema = z.object({
  seq: z.number().int().nonnegative(),
  snapshot: StateSnapshotSchema,
  seenOrders: z.array(z.string()).default([]),
});

/** `state/<id>/consumption.ndjson`: one line per decision that took something, numbered. */
const LogLineSchema = ConsumptionEntrySchema.extend({ seq: z.number().int().min(1) });

/** Past this many entries to replay, loading folds them into a new snapshot. */
const COMPACT_AFTER = 10_000;

/**
 * A client's counters and stock: a snapshot plus a log of consumption replayed on load. Entries
 * carry a sequence number and the snapshot the last one it includes, so a crash between writing a
 * new snapshot and removing the old log replays nothing twice.
 */
export class EmbeddedState implements StateStore {
  private readonly lastSeq = new Map<string, number>();

  constructor(private readonly ws: Workspace) {}

  load(clientId: string): Promise<PersistedState> {
    return this.ws.exclusive(layout.stateLog(clientId), async () => {
      const { state, seq, replayed } = await this.read(clientId);
      if (replayed > COMPACT_AFTER) await this.compact(clientId, state, seq);
      return state;
    });
  }

  append(clientId: string, entries: readonly ConsumptionEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    // Only numbering and queueing happen under the lock; the sync is shared with other appends.
    return this.ws
      .exclusive(layout.stateLog(clientId), async () => {
        let seq = this.lastSeq.get(clientId) ?? (await this.read(clientId)).seq;
        const lines = entries.map((entry) => ({ seq: ++seq, ...ConsumptionEntrySchema.parse(entry) }));
        this.lastSeq.set(clientId, seq);
        return { done: this.ws.log(layout.stateLog(clientId)).append(lines) };
      })
      .then(async ({ done }) => {
        await done;
      });
  }

  replace(clientId: string, snapshot: StateSnapshot): Promise<void> {
    return this.ws.exclusive(layout.stateLog(clientId), async () => {
      const { state, seq } = await this.read(clientId);
      await this.compact(
        clientId,
        { snapshot: StateSnapshotSchema.parse(snapshot), seenOrders: state.seenOrders },
        seq,
      );
    });
  }

  private async read(clientId: string): Promise<{ state: PersistedState; seq: number; replayed: number }> {
    await this.ws.closeLog(layout.stateLog(clientId));
    const file = await this.ws.read(layout.stateSnapshot(clientId), StateFileSchema);
    const base = file ?? { seq: 0, ...EMPTY_STATE };
    const entries = await readNdjson(this.ws.abs(layout.stateLog(clientId)), (value) =>
      LogLineSchema.parse(value),
    );
    const replay = new StateReplay(base);
    let seq = base.seq;
    let replayed = 0;
    for (const entry of entries) {
      if (entry.seq <= base.seq) continue;
      replay.apply(entry);
      seq = Math.max(seq, entry.seq);
      replayed++;
    }
    this.lastSeq.set(clientId, seq);
    return { state: replay.result(), seq, replayed };
  }

  /** Writes `state` as the snapshot through `seq`, then drops the log it folds in. */
  private async compact(clientId: string, state: PersistedState, seq: number): Promise<void> {
    await this.ws.write(layout.stateSnapshot(clientId), StateFileSchema, { seq, ...state });
    await this.ws.dropLog(layout.stateLog(clientId));
  }
}
