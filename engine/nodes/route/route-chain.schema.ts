import { z } from 'zod';
import { PLATFORMS } from '../../order/schema.ts';

const code = z.string().min(1).max(64);
const codes = z.array(code).default([]);
/** Province, city or district names or GB/T 2260 codes. */
const regions = z.array(z.string().min(1)).default([]);

/** Keeps warehouses that serve the order's shop and platform. */
export const BindingStepSchema = z.object({
  step: z.literal('binding'),
  /** Honour each warehouse's own `shops` / `platforms` from the client's master data. */
  useClientBindings: z.boolean().default(true),
  /** The first rule whose shops and platforms match the order (empty = any) limits it to its warehouses. */
  rules: z
    .array(
      z.object({
        shops: codes,
        platforms: z.array(z.enum(PLATFORMS)).default([]),
        warehouses: z.array(code).min(1, 'name at least one warehouse'),
      }),
    )
    .default([]),
});

/** Keeps warehouses that deliver to the order's destination. */
export const AreaStepSchema = z.object({
  step: z.literal('area'),
  /** Honour each warehouse's own `covers` include / exclude from the client's master data. */
  useClientCovers: z.boolean().default(true),
  /** Further limits: the listed warehouses (empty = every candidate) deliver only within include, never to exclude. */
  rules: z.array(z.object({ warehouses: codes, include: regions, exclude: regions })).default([]),
});

export const NO_SINGLE_FIT = ['split', 'hold', 'ignore'] as const;

/** Keeps warehouses that hold every line; what happens when none does is the strategy's choice. */
export const StockStepSchema = z.object({
  step: z.literal('stock'),
  onNoSingleFit: z.enum(NO_SINGLE_FIT).default('split'),
});

export const RANK_MODES = ['nearest', 'cheapest', 'priority'] as const;

/** Picks the one warehouse among those left. */
export const RankStepSchema = z.object({
  step: z.literal('rank'),
  by: z.enum(RANK_MODES).default('nearest'),
  /**
   * Warehouses in order of preference, most preferred first: the whole ranking for `priority`, the
   * tie-break for `nearest` and `cheapest`. Unlisted warehouses come after the listed ones, by id.
   */
  priority: codes,
  /** `cheapest` prices freight with this carrier only; unset: the cheapest carrier that can deliver. */
  carrier: code.optional(),
});

export const RouteStepSchema = z.discriminatedUnion('step', [
  BindingStepSchema,
  AreaStepSchema,
  StockStepSchema,
  RankStepSchema,
]);

export const RouteChainSchema = z.object({
  /** The warehouses the chain starts from, in this order; empty = every client warehouse. */
  candidates: codes,
  steps: z.array(RouteStepSchema).default([]),
  /** Where the order goes when a step leaves no warehouse; unset: hold `no_warehouse`. */
  defaultWarehouse: code.optional(),
});

export type BindingStep = z.infer<typeof BindingStepSchema>;
export type AreaStep = z.infer<typeof AreaStepSchema>;
export type StockStep = z.infer<typeof StockStepSchema>;
export type RankStep = z.infer<typeof RankStepSchema>;
export type RouteStep = z.infer<typeof RouteStepSchema>;
export type RouteChain = z.infer<typeof RouteChainSchema>;

/** The route event: a fixed warehouse (a decision-table row), or a chain computed per order. */
export const RouteParamsSchema = z
  .object({ warehouse: code.optional(), chain: RouteChainSchema.optional() })
  .superRefine((params, ctx) => {
    if (params.warehouse === undefined && params.chain === undefined) {
      ctx.addIssue({ code: 'custom', path: ['warehouse'], message: 'is required' });
    } else if (params.warehouse !== undefined && params.chain !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['chain'], message: 'give a warehouse or a chain, not both' });
    }
  });
export type RouteParams = z.infer<typeof RouteParamsSchema>;
