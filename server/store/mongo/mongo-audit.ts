import { type DecisionRecord, DecisionRecordSchema } from '../records.ts';
import type { AuditStore } from '../store.ts';
import { decode, encode } from './codec.ts';
import type { Models } from './models.ts';

export class MongoAudit implements AuditStore {
  constructor(private readonly m: Models) {}

  async append(records: readonly DecisionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const docs = records.map((r) => ({
      clientId: r.clientId,
      orderId: r.orderId,
      at: new Date(r.at),
      body: encode(DecisionRecordSchema, r),
    }));
    // Ordered, and acknowledged by the majority when the deployment has one: durable when this resolves.
    await this.m.decisions.insertMany(docs, { ordered: true });
  }

  async findByOrder(clientId: string, orderId: string): Promise<DecisionRecord[]> {
    const docs = await this.m.decisions.find({ clientId, orderId }).sort({ at: 1, _id: 1 }).lean();
    return docs.map((d) => decode(DecisionRecordSchema, d.body, `decisions/${clientId}/${orderId}`));
  }
}
