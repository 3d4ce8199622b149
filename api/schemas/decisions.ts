import { z } from 'zod';
import { DecisionSchema } from '../../engine/decision/decision.ts';
import { ActorSchema, IdSchema, OrderIdSchema, TimestampSchema } from './fields.ts';

/**
 * A decision as the audit log keeps it, about 1 KB: status, holds, flags, warehouse, carrier, gifts, tags,
 * parcels, substitutions, merge, what was extracted and what was consumed, each with the strategy and node
 * that decided it. Not the trace, nor the rule events: their params are mostly a node's whole configuration
 * (10 KB a decision in the demo), which the record points at instead: `release` names the strategy
 * versions, holds, flags, gifts and merge their `nodeId`. Lines written before this summary still carry
 * `events` (and some a trace); they parse, and `events` is kept as it was.
 */
export const AuditedDecisionSchema = DecisionSchema.omit({ trace: true, events: true }).extend({
  events: z.array(z.object({ strategyId: z.string(), type: z.string() }).loose()).optional(),
});

/** One decision as the audit log keeps it. */
export const DecisionRecordSchema = z.object({
  clientId: IdSchema,
  orderId: OrderIdSchema,
  at: TimestampSchema,
  release: z.number().int().min(1),
  platform: z.string(),
  by: ActorSchema,
  decision: AuditedDecisionSchema,
});

export type AuditedDecision = z.infer<typeof AuditedDecisionSchema>;

/** The audit summary of a decision: the decision without its trace and rule events. */
export function auditedDecision(decision: z.infer<typeof DecisionSchema>): AuditedDecision {
  const { trace: _trace, events: _events, ...summary } = decision;
  return summary;
}

export const DecisionDoc = DecisionSchema.meta({ id: 'Decision' });
export const AuditedDecisionDoc = AuditedDecisionSchema.meta({ id: 'AuditedDecision' });
export const DecisionRecordDoc = DecisionRecordSchema.meta({ id: 'DecisionRecord' });
export const DecisionList = z.object({ decisions: z.array(DecisionRecordDoc) });
export const DecisionQuery = z.object({ orderId: OrderIdSchema });

export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;
