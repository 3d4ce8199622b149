import { z } from 'zod';

/** A fired rule as a change shows it: enough to light the path on the canvas. */
export const FiredRuleSchema = z.object({
  strategyId: z.string(),
  rule: z.string(),
  nodeIds: z.array(z.string()),
});

/**
 * One line of a pipeline's decision log (`<fingerprint>-<thread>.ndjson`): the decision outline,
 * the rules it fired and what it costs. Both pipelines decide the same orders in the same order,
 * so line n of the baseline's log and of the candidate's are the same order.
 */
export const OrderRecordSchema = z.object({
  orderId: z.string(),
  /** The decision outline (`simulate/decide/decision-outline.ts`), or the failed one. */
  outline: z.record(z.string(), z.unknown()),
  fired: z.array(FiredRuleSchema),
  metrics: z
    .object({
      parcels: z.number(),
      freight: z.number().nullable(),
      weightKg: z.number(),
      giftUnits: z.number(),
      giftCost: z.number(),
      hour: z.string(),
    })
    .nullable(),
});
export type OrderRecord = z.infer<typeof OrderRecordSchema>;
