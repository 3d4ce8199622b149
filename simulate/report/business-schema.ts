import { z } from 'zod';
import { idRecord } from '../../engine/state/id-record.ts';

const count = z.number().int().nonnegative();
const money = z.number();

/** One pipeline's decisions in business terms: what holds, ships, costs and loads the warehouses. */
export const BusinessMetricsSchema = z.object({
  decided: count,
  held: count,
  /** Held orders / decided orders, 0–1. */
  holdRate: z.number().min(0).max(1),
  /** Per reason: orders held with it, and their share of decided orders. */
  holdRateByReason: idRecord(z.object({ orders: count, rate: z.number().min(0).max(1) })),
  /** From each carrier's freight table, by parcel weight (lines, substitutions and gifts) and destination. */
  freight: z.object({
    total: money,
    byCarrier: idRecord(z.object({ parcels: count, cost: money })),
    /** Parcels whose carrier has no rate for the destination, or no carrier at all: not in `total`. */
    unpricedParcels: count,
  }),
  /** After split (one per parcel) and merge (an order joining an earlier one's group adds none). */
  parcels: z.object({ total: count, splitOrders: count, mergedOrders: count }),
  /** Gift units and their cost at the SKUs' list prices. */
  gifts: z.object({ units: count, cost: money, bySku: idRecord(z.object({ units: count, cost: money })) }),
  /** Per warehouse: orders, parcels and kilograms it ships, and its busiest hour (China time, by decision time). */
  warehouses: idRecord(
    z.object({
      orders: count,
      parcels: count,
      weightKg: z.number().nonnegative(),
      peakHour: z.object({ hour: z.string(), orders: count }).nullable(),
    }),
  ),
});
export type BusinessMetrics = z.infer<typeof BusinessMetricsSchema>;

/** Baseline and candidate side by side (the baseline only when the job had a candidate). */
export const BusinessReportSchema = z.object({
  candidate: BusinessMetricsSchema,
  baseline: BusinessMetricsSchema.optional(),
});
export type BusinessReport = z.infer<typeof BusinessReportSchema>;
