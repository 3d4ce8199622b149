import { z } from 'zod';

const codes = z.array(z.string().min(1).max(64)).default([]);

export const SplitParamsSchema = z.object({
  /** Big items, one unit per parcel: catalogue `bulky` SKUs, the listed SKUs, or heavier per unit than N kg. */
  bulky: z
    .object({
      fromCatalogue: z.boolean().default(true),
      skus: codes,
      overKgPerUnit: z.number().positive().optional(),
    })
    .prefault({}),
  /** Lines that ride with the first big-item parcel (gifts always do). */
  accessories: z.object({ skus: codes, categories: z.array(z.string().min(1)).default([]) }).prefault({}),
  /** Presale lines ship in their own parcel(s). */
  presale: z.boolean().default(true),
  /** Parcels over this many grams are split, filling first-fit by weight, heaviest unit first. */
  maxParcelWeightG: z.number().int().positive().optional(),
});

export type SplitParams = z.infer<typeof SplitParamsSchema>;
