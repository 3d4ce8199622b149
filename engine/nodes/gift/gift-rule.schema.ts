import { z } from 'zod';
import { TimeWindowSchema } from './time-window.ts';

const code = z.string().min(1).max(64);
/** An empty list tests nothing, like the client's "empty means all". */
const codes = z.array(code).default([]);
const count = z.number().int().positive();

export const GiftSpecSchema = z.object({
  sku: code,
  qty: count.default(1),
  /** Given instead when the gift is out of stock or its caps are used up; the gift's qty unless set. */
  fallback: z.object({ sku: code, qty: count.optional() }).optional(),
});

/** Spend bands: 满99送a, 满199送b. Only the highest band the order reaches gives its gift. */
export const SpendSchema = z.object({
  /** `paid`: what the buyer paid (实付); `total`: the order total before discounts. */
  basis: z.enum(['paid', 'total']).default('paid'),
  bands: z.array(z.object({ min: z.number().nonnegative(), gift: GiftSpecSchema })).min(1),
});

/**
 * What an order must have for the rule to give; every condition given must hold. Lines counted
 * ("qualifying lines") are the order's own lines that are neither gifts nor refunded.
 */
export const GiftWhenSchema = z
  .object({
    spend: SpendSchema.optional(),
    /** Total qty of qualifying lines (of these SKUs, when listed) at least `min`. */
    itemCount: z.object({ min: count, skus: codes }).optional(),
    buys: z.object({ any: codes, all: codes, none: codes }).optional(),
    /** 每满2件送1套, 最多3套: the gift's qty times floor(qty of these SKUs / every), at most maxSets. */
    multiple: z.object({ every: count, skus: codes, maxSets: count.optional() }).optional(),
    memberLevel: z.number().int().nonnegative().optional(),
    /** true: the buyer's first order (none decided before); false: returning buyers only. */
    firstOrder: z.boolean().optional(),
    /** Any of these appears in the buyer message or the seller memo. */
    remarkKeywords: z.array(z.string().min(1)).default([]),
    /** Any of these is among the order's labels (coupon and activity codes arrive as labels). */
    labels: z.array(z.string().min(1)).default([]),
    shops: codes,
    /** Provinces, cities or districts, by name or GB/T 2260 code. */
    regions: z.array(z.string().min(1)).default([]),
    window: TimeWindowSchema.optional(),
  })
  .strict();

/**
 * Caps on the main gift, counted in processing order. A rule over a cap gives its fallback, if it
 * has one (the fallback is not capped), else nothing; it never holds the order.
 */
export const GiftCapsSchema = z
  .object({
    /** The promotion's first N gift units. */
    total: count.optional(),
    /** N gift units per China calendar day of the pay time (the created time while unpaid). */
    perDay: count.optional(),
    /** N gift units per buyer; an order without a buyer id cannot be counted, so it is over the cap. */
    perBuyer: count.optional(),
    /** The first N orders the rule gives to. */
    firstOrders: count.optional(),
  })
  .strict();

export const GiftRuleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use up to 64 letters, digits, "_" or "-"'),
  name: z.string().default(''),
  when: GiftWhenSchema.prefault({}),
  /** The gift, unless spend bands name one per band. */
  gift: GiftSpecSchema.optional(),
  caps: GiftCapsSchema.prefault({}),
  /** When this rule gives a gift, the rules after it are skipped. */
  exclusive: z.boolean().default(false),
});

export const GiftRulesParamsSchema = z.object({ rules: z.array(GiftRuleSchema).min(1) });

export type GiftSpec = z.infer<typeof GiftSpecSchema>;
export type GiftWhen = z.infer<typeof GiftWhenSchema>;
export type GiftCaps = z.infer<typeof GiftCapsSchema>;
export type GiftRule = z.infer<typeof GiftRuleSchema>;
export type GiftRulesParams = z.infer<typeof GiftRulesParamsSchema>;
