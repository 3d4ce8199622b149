import { z } from 'zod';
import { DecisionSchema } from '../../engine/decision/decision.ts';
import { ActorSchema, IdSchema, OrderIdSchema, TimestampSchema } from './fields.ts';

/** Params up to this many bytes of JSON stay on an audited event; larger ones are a node's configuration. */
export const AUDIT_PARAMS_MAX_BYTES = 256;

/**
 * A decision as the audit log keeps it: everything the evaluate answer had except the trace and large
 * event params. Some events carry their node's whole configuration as params (kilobytes per event); the
 * record points at it instead: `release` names the strategy versions, each event its `strategyId` and
 * `type`, holds, flags, gifts, substitutions and merge their `nodeId`, and `paramsOmitted` says how many
 * bytes of params were left out. Older lines that still carry large params (or a trace) parse too.
 */
export const AuditedDecisionSchema = DecisionSchema.omit({ trace: true, events: true }).extend({
  events: z.array(
    z.object({
      strategyId: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.unknown()).optional(),
      /** Bytes of params left out of the audit line (the configuration they came from is in the release). */
      paramsOmitted: z.number().int().optional(),
    }),
  ),
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

/** The audit summary of a decision: no trace, and events' large params by reference (their size kept). */
export function auditedDecision(decision: z.infer<typeof DecisionSchema>): AuditedDecision {
  const { trace: _trace, events, ...rest } = decision;
  return {
    ...rest,
    events: events.map((event) => {
      if (event.params === undefined) return event;
      const bytes = JSON.stringify(event.params).length;
      if (bytes <= AUDIT_PARAMS_MAX_BYTES) return event;
      return { strategyId: event.strategyId, type: event.type, paramsOmitted: bytes };
    }),
  };
}

export const DecisionDoc = DecisionSchema.meta({ id: 'Decision' });
export const DecisionRecordDoc = DecisionRecordSchema.meta({ id: 'DecisionRecord' });
export const DecisionList = z.object({ decisions: z.array(DecisionRecordDoc) });
export const DecisionQuery = z.object({ orderId: OrderIdSchema });

export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;
