import { z } from 'zod';
import { DecisionSchema } from '../../engine/decision/decision.ts';
import { ActorSchema, IdSchema, OrderIdSchema, TimestampSchema } from './fields.ts';

/** One decision as the audit log keeps it. Field order matters to the embedded log's fast scan. */
export const DecisionRecordSchema = z.object({
  clientId: IdSchema,
  orderId: OrderIdSchema,
  at: TimestampSchema,
  release: z.number().int().min(1),
  platform: z.string(),
  by: ActorSchema,
  decision: DecisionSchema,
});

export const DecisionDoc = DecisionSchema.meta({ id: 'Decision' });
export const DecisionRecordDoc = DecisionRecordSchema.meta({ id: 'DecisionRecord' });
export const DecisionList = z.object({ decisions: z.array(DecisionRecordDoc) });
export const DecisionQuery = z.object({ orderId: OrderIdSchema });

export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;
