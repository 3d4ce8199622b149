import { trusted } from 'mongoose';
import { type StateSnapshot, StateSnapshotSchema } from '../../../engine/state/index.ts';
import {
  type ConsumptionEntry,
  ConsumptionEntrySchema,
  type PersistedState,
  PersistedStateSchema,
} from '../records.ts';
import { EMPTY_STATE, StateReplay } from '../state-replay.ts';
import type { StateStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import type { Models } from './models.ts';

/**
 * A state document (the snapshot through `seq`) plus one consumption document per decision.
 * Sequence numbers are handed out by an atomic `$inc`, so evaluators on several machines can
 * append to one client's log; replay adds, so their interleaving does not matter.
 */
export class MongoState implements StateStore {
  constructor(private readonly m: Models) {}

  async load(clientId: string): Promise<PersistedState> {
    const doc = await this.m.states.findOne({ clientId }).lean();
    const base = doc ? decode(PersistedStateSchema, doc.body, `states/${clientId}`) : EMPTY_STATE;
    const replay = new StateReplay(base);
    // Our own operator, marked trusted so the connection's sanitizeFilter leaves it alone.
    const entries = this.m.consumptions
      .find({ clientId, seq: trusted({ $gt: doc?.seq ?? 0 }) })
      .sort({ seq: 1 })
      .lean()
      .cursor();
    for await (const entry of entries) {
      replay.apply(decode(ConsumptionEntrySchema, entry.body, `consumptions/${clientId}/${entry.seq}`));
    }
    return replay.result();
  }

  async append(clientId: string, entries: readonly ConsumptionEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const reserved = await this.m.states
      .findOneAndUpdate(
        { clientId },
        {
          $inc: { nextSeq: entries.length },
          $setOnInsert: { seq: 0, body: encode(PersistedStateSchema, EMPTY_STATE) },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();
    const first = (reserved?.nextSeq ?? entries.length) - entries.length + 1;
    await this.m.consumptions.insertMany(
      entries.map((entry, i) => ({ clientId, seq: first + i, body: encode(ConsumptionEntrySchema, entry) })),
      { ordered: true },
    );
  }

  async replace(clientId: string, snapshot: StateSnapshot): Promise<void> {
    const { seenOrders } = await this.load(clientId);
    const body = encode(PersistedStateSchema, { snapshot: StateSnapshotSchema.parse(snapshot), seenOrders });
    // An update pipeline, so `seq` becomes the last number handed out in the same atomic step;
    // $literal keeps the body from ever being read as an expression.
    await this.m.states.updateOne(
      { clientId },
      [
        {
          $set: {
            seq: { $ifNull: ['$nextSeq', 0] },
            nextSeq: { $ifNull: ['$nextSeq', 0] },
            body: { $literal: body },
          },
        },
      ],
      { upsert: true, updatePipeline: true },
    );
  }
}
