import { z } from 'zod';
import { ORDER_TYPES, PLATFORMS } from '../../order/schema.ts';

const code = z.string().min(1).max(64);
const codes = z.array(code).default([]);

/** A platform's rule that forces a carrier: every condition given must hold (JD COD → JD). */
export const PlatformRuleSchema = z.object({
  platform: z.enum(PLATFORMS).optional(),
  types: z.array(z.enum(ORDER_TYPES)).default([]),
  /** The order carries any of these labels (exact). */
  labels: z.array(z.string().min(1)).default([]),
  shops: codes,
  carrier: code,
});

export const WeightBandSchema = z.object({
  /** Inclusive. */
  minKg: z.number().nonnegative().default(0),
  /** Exclusive; unset: no upper bound. */
  maxKg: z.number().positive().optional(),
  carrier: code,
});

export const CARRIER_MODES = ['precedence', 'cheapest'] as const;

/** The levels, highest precedence first; this order is what real OMS products use, not the consultant's. */
export const CARRIER_LEVELS = ['platform', 'remark', 'sku', 'shop', 'weight', 'area', 'warehouse'] as const;
export type CarrierLevel = (typeof CARRIER_LEVELS)[number] | 'cheapest';

export const CarrierChainSchema = z.object({
  /** precedence: the levels below in their fixed order. cheapest: platform, remark, then the cheapest allowed carrier. */
  mode: z.enum(CARRIER_MODES).default('precedence'),
  platform: z.array(PlatformRuleSchema).default([]),
  remark: z
    .object({
      /** Honour `extracted.carrierRequest`, written by remark parsing. */
      enabled: z.boolean().default(true),
      /** The carriers a remark may ask for; empty: any carrier of the client. */
      allowed: codes,
    })
    .default({ enabled: true, allowed: [] }),
  sku: z.array(z.object({ skus: z.array(code).min(1, 'name at least one SKU'), carrier: code })).default([]),
  shop: z
    .array(z.object({ shops: z.array(code).min(1, 'name at least one shop'), carrier: code }))
    .default([]),
  weight: z.array(WeightBandSchema).default([]),
  area: z
    .array(
      z.object({ regions: z.array(z.string().min(1)).min(1, 'name at least one region'), carrier: code }),
    )
    .default([]),
  warehouse: z.array(z.object({ warehouse: code, carrier: code })).default([]),
  /** cheapest mode: the carriers to compare; empty: every carrier of the client. */
  cheapestAmong: codes,
});

export type PlatformRule = z.infer<typeof PlatformRuleSchema>;
export type CarrierChain = z.infer<typeof CarrierChainSchema>;

/** The carrier event: a fixed carrier (a decision-table row), or a chain decided per order. */
export const CarrierParamsSchema = z
  .object({ carrier: code.optional(), chain: CarrierChainSchema.optional() })
  .superRefine((params, ctx) => {
    if (params.carrier === undefined && params.chain === undefined) {
      ctx.addIssue({ code: 'custom', path: ['carrier'], message: 'is required' });
    } else if (params.carrier !== undefined && params.chain !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['chain'], message: 'give a carrier or a chain, not both' });
    }
  });
export type CarrierParams = z.infer<typeof CarrierParamsSchema>;
