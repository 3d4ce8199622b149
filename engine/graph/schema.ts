import { z } from 'zod';
import { ADAPTER_PLATFORMS } from '../order/adapters/platforms.ts';
import { StateSnapshotSchema } from '../state/state.ts';

/**
 * Pipeline stages in the order they run; a strategy's family places it in one. Merge (合单) comes
 * after routing and carrier, so it can match on the warehouse and carrier they chose and see the holds
 * approval raised, and before tags, so tag rules can read whether the order merged.
 */
export const FAMILIES = [
  'remark',
  'approval',
  'gift',
  'substitution',
  'split',
  'routing',
  'carrier',
  'merge',
  'tag',
] as const;
export type Family = (typeof FAMILIES)[number];

export const HIT_POLICIES = ['first', 'collect'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

export const CURRENT_FORMAT_VERSION = 1;

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, "_", ".", ":" or "-"');

export const GraphNodeSchema = z.object({
  id,
  kind: z.string().min(1),
  kindVersion: z.number().int().min(1).default(1),
  name: z.string().default(''),
  content: z.unknown().default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
});

export const GraphEdgeSchema = z.object({
  id,
  source: z.string().min(1),
  target: z.string().min(1),
  sourceHandle: z.string().nullable().optional(),
});

/** What a strategy's own test expects; only the fields given are compared. */
export const StrategyExpectSchema = z.object({
  events: z
    .array(z.object({ type: z.string(), params: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
  status: z.enum(['approved', 'held', 'flagged']).optional(),
  holds: z.array(z.string()).optional(),
  flags: z.array(z.string()).optional(),
  warehouse: z.string().nullable().optional(),
  carrier: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  gifts: z.array(z.string()).optional(),
  /** Gifts as `SKU×qty`, e.g. `A-01×2`, when the quantity matters. */
  giftQuantities: z.array(z.string()).optional(),
  extracted: z.record(z.string(), z.unknown()).optional(),
  /** Parcels as `warehouse|-: sku×qty, sku×qty`, in order. */
  parcels: z.array(z.string()).optional(),
  /** Substitutions as `from→to×qty`. */
  substitutions: z.array(z.string()).optional(),
  /** State taken, as `counter key×qty`, `stock warehouse/sku×qty` or `merge group×size`. */
  consumed: z.array(z.string()).optional(),
  /** The merge stage's outcome: `opened`, `joined×<size>`, `excluded: <why>`, or null when no merge rule ran. */
  merge: z.string().nullable().optional(),
});

export const StrategyTestSchema = z.object({
  name: z.string().min(1),
  platform: z.enum(ADAPTER_PLATFORMS).default('standard'),
  order: z.unknown(),
  /** The counters, stock and buyer history the order meets, e.g. a cap already nearly used up. */
  state: StateSnapshotSchema.partial().optional(),
  expect: StrategyExpectSchema,
});

export const StrategySchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  id,
  clientId: id,
  family: z.enum(FAMILIES),
  name: z.string().min(1),
  description: z.string().default(''),
  hitPolicy: z.enum(HIT_POLICIES),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema).default([]),
  tests: z.array(StrategyTestSchema).default([]),
});

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type Strategy = z.infer<typeof StrategySchema>;
export type StrategyInput = z.input<typeof StrategySchema>;
export type StrategyTest = z.infer<typeof StrategyTestSchema>;
export type StrategyExpect = z.infer<typeof StrategyExpectSchema>;
