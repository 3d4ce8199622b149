import { z } from 'zod';
import { ConsumptionSchema } from '../state/state.ts';

export const HoldSchema = z.object({
  reason: z.string(),
  message: z.string().optional(),
  /** Minutes from the decision to `releaseAt`, rounded up (at least 1); absent for a hold a person releases. */
  autoReleaseMinutes: z.number().optional(),
  /** When the hold lifts by itself: the decision time plus the minutes, or exactly N minutes after payment. */
  releaseAt: z.iso.datetime().optional(),
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

/** What the merge stage (合单) did with the order; absent when no merge rule reached it. */
export const MergeSchema = z.object({
  /** The group's key (a hash of the match values), or null when the order may not merge. */
  group: z.string().nullable(),
  /** True when the order joined a group an earlier order opened: it ships in that parcel, one parcel fewer. */
  joined: z.boolean(),
  /** Orders in the group with this one; 0 when the order may not merge. */
  size: z.number().int().nonnegative(),
  /** When the group stops taking orders. */
  closesAt: z.iso.datetime().optional(),
  /** Why the order may not merge: cod, unpaid, presale, no_buyer, no_address, masked_receiver, no_warehouse, no_carrier. */
  excluded: z.string().optional(),
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
  /** The merge group the order joined or opened (also in `consumed`, so it can be undone). */
  merge: MergeSchema.optional(),
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
export type Merge = z.infer<typeof MergeSchema>;
export type TraceEntry = z.infer<typeof TraceEntrySchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionEvent = Decision['events'][number];
