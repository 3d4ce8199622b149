import { z } from 'zod';
import { idRecord } from '../../engine/state/id-record.ts';
import { CHANGE_KINDS } from '../diff/change-kinds.ts';

const count = z.number().int().nonnegative();
// Keyed by reasons, warehouses, carriers, SKUs and tags from orders: any key, `__proto__` included.
const counts = idRecord(count);

export const SkippedRowSchema = z.object({
  line: z.number().int().positive(),
  reason: z.string(),
  orderId: z.string().optional(),
});

export const RuleHitSchema = z.object({
  strategyId: z.string(),
  family: z.string(),
  rule: z.string(),
  nodeIds: z.array(z.string()),
  hits: count,
});

export const DecisionOutlineSchema = z.object({
  status: z.enum(['approved', 'held', 'flagged', 'failed']),
  holds: z.array(z.string()),
  flags: z.array(z.string()),
  warehouse: z.string().nullable(),
  carrier: z.string().nullable(),
  gifts: z.array(z.object({ sku: z.string(), qty: z.number() })),
  tags: z.array(z.string()),
  /** Joined an earlier order's merge group. */
  merged: z.boolean(),
  parcels: z.array(
    z.object({
      warehouse: z.string().nullable(),
      lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
    }),
  ),
  error: z.string().optional(),
});

/** What one pipeline decided, counted in orders. */
export const TalliesSchema = z.object({
  decided: count,
  outcomes: z.object({ approved: count, held: count, flagged: count }),
  holdReasons: counts,
  flagReasons: counts,
  warehouses: counts,
  carriers: counts,
  gifts: idRecord(z.object({ orders: count, qty: count })),
  tags: counts,
  /** The merge stage: orders grouped, groups of two or more, parcels saved, orders that may not merge by why. */
  merges: z.object({ orders: count, groups: count, parcelsSaved: count, excluded: counts }),
  /** Every rule of every strategy, in stage order, with the orders it fired for (0: never). */
  ruleHits: z.array(RuleHitSchema),
});

const ChangeGroupSchema = z.object({
  count,
  transitions: z.array(z.object({ from: z.string(), to: z.string(), count })),
  examples: z.array(
    z.object({
      orderId: z.string(),
      line: z.number().int().positive(),
      time: z.string(),
      remark: z.string(),
      baseline: DecisionOutlineSchema,
      candidate: DecisionOutlineSchema,
    }),
  ),
});

export const ChangesSchema = z.object({
  count,
  byKind: z.object(
    Object.fromEntries(CHANGE_KINDS.map((k) => [k, ChangeGroupSchema])) as {
      [K in (typeof CHANGE_KINDS)[number]]: typeof ChangeGroupSchema;
    },
  ),
  byPayHour: z.array(count).length(24),
});

const StrategySetSchema = z.object({ path: z.string(), strategyIds: z.array(z.string()) });

/**
 * The simulation report (`--json`). Every field but `durationMs`, `ordersPerSecond` and `run`
 * is the same for the same inputs, whatever the number of workers.
 */
export const SimulationReportSchema = z.object({
  formatVersion: z.literal(1),
  input: z.object({
    file: z.string(),
    format: z.enum(['ndjson', 'csv']),
    platform: z.string(),
    mapping: z.string().nullable(),
    state: z.string().nullable(),
    limit: z.number().int().positive().nullable(),
    /** Minutes after its pay (or created) time each order was decided (`--decide-after`). */
    decideAfterMinutes: z.number().nonnegative(),
    engine: z.string(),
  }),
  strategies: StrategySetSchema,
  /** Orders read: every one was decided or is counted in `skippedTotal`. */
  orders: count,
  decided: count,
  /** The first skipped rows by line, with why; bad input and failed decisions. */
  skipped: z.array(SkippedRowSchema),
  skippedTotal: count,
  durationMs: z.number().nonnegative(),
  ordersPerSecond: z.number().nonnegative(),
  ...TalliesSchema.omit({ decided: true }).shape,
  /** Orders per pay hour of the day, China time (the created hour while unpaid), 0–23. */
  payHours: z.array(count).length(24),
  baseline: StrategySetSchema.extend({
    ...TalliesSchema.shape,
    failed: z.array(SkippedRowSchema),
    failedTotal: count,
  }).optional(),
  changed: ChangesSchema.optional(),
  /** How this run went; differs between runs of the same inputs. */
  run: z.object({
    workers: z.number().int().positive(),
    phasesMs: z.object({ reading: z.number(), deciding: z.number() }),
    sortedRuns: count,
    peakRssMb: z.number(),
    cpuMs: z.number(),
  }),
});

export type SimulationReport = z.infer<typeof SimulationReportSchema>;

/** The fields that vary between runs of the same inputs. */
export const VOLATILE_FIELDS = ['durationMs', 'ordersPerSecond', 'run'] as const;
