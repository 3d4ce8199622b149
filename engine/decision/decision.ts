import { z } from 'zod';
import { ConsumptionSchema } from '../state/state.ts';

export const HoldSchema = z.object({
  reason: z.string(),
  message: z.string().optional(),
  autoReleaseMinutes: z.number().optional(),
  urgent: z.boolean().optional(),
  strategyId: z.string(),
  nodeId: z.string(),
});

export const FlagSchema = z.object({
  reason: z.string(),
  message: z.string().optional(),
  strategyId: z.string(),
  nodeId: z.string(),
});

export const TraceEntrySchema = z.object({
  strategyId: z.string(),
  rule: z.string(),
  nodeIds: z.array(z.string()),
  edgeIds: z.array(z.string()),
  event: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
  facts: z.record(z.string(), z.unknown()),
});

/** What the pipeline decided for one order. */
export const DecisionSchema = z.object({
  orderId: z.string(),
  status: z.enum(['approved', 'held', 'flagged']),
  holds: z.array(HoldSchema),
  flags: z.array(FlagSchema),
  warehouse: z.string().nullable(),
  carrier: z.string().nullable(),
  gifts: z.array(z.object({ sku: z.string(), qty: z.number(), strategyId: z.string(), nodeId: z.string() })),
  tags: z.array(z.string()),
  /** Parcels when the order ships in more than one; empty when it ships whole. */
  parcels: z.array(
    z.object({
      warehouse: z.string().nullable(),
      lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
      reason: z.string(),
    }),
  ),
  substitutions: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      qty: z.number(),
      strategyId: z.string(),
      nodeId: z.string(),
    }),
  ),
  /** What the decision took from counters and stock, in the order it took it. */
  consumed: z.array(ConsumptionSchema),
  extracted: z.record(z.string(), z.unknown()),
  events: z.array(
    z.object({
      strategyId: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  trace: z.array(TraceEntrySchema).optional(),
});

export type Hold = z.infer<typeof HoldSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type TraceEntry = z.infer<typeof TraceEntrySchema>;
export type Decision = z.infer<typeof DecisionSchema>;
