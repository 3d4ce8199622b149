import { z } from 'zod';
import { ADAPTER_PLATFORMS } from '../../engine/order/adapters/platforms.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';

/**
 * Simulation as a service: CSV mappings, uploaded histories and simulation jobs. The mapping and
 * the report are documents of `simulate/` (Node code the editor cannot bundle): here they are
 * described, and the server validates them with `simulate/`'s own schemas.
 */

export const MappingParams = z.object({ clientId: IdSchema, mappingId: IdSchema });
export const HistoryParams = z.object({ clientId: IdSchema, historyId: IdSchema });
export const SimulationParams = z.object({ clientId: IdSchema, simulationId: IdSchema });

/** The CLI's CSV mapping document (`ordergraph simulate --map`), validated by `simulate/input/csv-mapping.ts`. */
export const MappingDoc = z.record(z.string(), z.unknown()).meta({
  id: 'CsvMapping',
  description:
    '{formatVersion, columns: {header: field}, dateFormats, utcOffset, decimalSeparator, delimiter, encoding, values, constants}: see README "Simulation"',
});

export const MappingRecordSchema = z.object({
  clientId: IdSchema,
  mappingId: IdSchema,
  revision: z.number().int().positive(),
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
  mapping: z.record(z.string(), z.unknown()),
});
export type MappingRecord = z.infer<typeof MappingRecordSchema>;
export const MappingRecordDoc = MappingRecordSchema.meta({ id: 'MappingRecord' });
export const MappingList = z.object({ mappings: z.array(MappingRecordDoc) }).meta({ id: 'MappingList' });

export const HISTORY_FORMATS = ['csv', 'ndjson'] as const;

export const SkippedRowDoc = z.object({
  line: z.number().int().positive(),
  reason: z.string(),
  orderId: z.string().optional(),
});

/** An uploaded history: where it came from, how to read it, and what reading it found. */
export const HistoryRecordSchema = z.object({
  clientId: IdSchema,
  historyId: IdSchema,
  name: z.string().min(1).max(200),
  format: z.enum(HISTORY_FORMATS),
  mappingId: IdSchema.nullable(),
  /** The mapping as it was at upload: a later edit of the mapping does not change what this history holds. */
  mapping: z.record(z.string(), z.unknown()).nullable(),
  platform: z.string().nullable(),
  /** Bytes stored (after gunzip). */
  bytes: z.number().int().nonnegative(),
  /** `reading`: rows are being counted (a big upload answered 202); `ready` to simulate; `failed` to read. */
  status: z.enum(['reading', 'ready', 'failed']),
  /** Share of the bytes read while counting, 0–1. */
  progress: z.number().min(0).max(1),
  /** Orders found (CSV: rows grouped by order id); every one was readable or is in `skippedTotal`. */
  rows: z.number().int().nonnegative(),
  skipped: z.array(SkippedRowDoc),
  skippedTotal: z.number().int().nonnegative(),
  error: z.string().optional(),
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;
export const HistoryRecordDoc = HistoryRecordSchema.meta({ id: 'History' });
export const HistoryList = z.object({ histories: z.array(HistoryRecordDoc) }).meta({ id: 'HistoryList' });

export const HistoryUploadQuery = z.object({
  name: z.string().min(1).max(200),
  mapping: IdSchema.optional().meta({ description: 'a CSV needs one: the id of a mapping PUT before' }),
  platform: z
    .enum([...ADAPTER_PLATFORMS, 'taobao'])
    .optional()
    .meta({
      description:
        'NDJSON only: the platform of every order, instead of detecting it per order (taobao: TOP trades, read as tmall)',
    }),
});

export const HistoryCreated = z
  .object({
    historyId: IdSchema,
    status: z.enum(['reading', 'ready']),
    rows: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    progress: z.number().min(0).max(1),
  })
  .meta({ id: 'HistoryCreated' });

const StrategyPick = z.union([
  z.object({ strategyId: IdSchema, draft: z.literal(true) }),
  z.object({ strategyId: IdSchema, version: z.number().int().positive() }),
]);

export const SimulationBody = z
  .object({
    historyId: IdSchema,
    candidate: z
      .object({ strategies: z.array(StrategyPick).min(1).max(100) })
      .optional()
      .meta({
        description:
          'strategies replacing their namesakes in the baseline (a draft, or a version); without it the baseline is replayed alone',
      }),
    baseline: z
      .union([z.literal('live'), z.object({ release: z.number().int().positive() })])
      .default('live'),
    state: z
      .union([z.enum(['empty', 'live']), z.object({ snapshot: z.record(z.string(), z.unknown()) })])
      .default('empty')
      .meta({ description: "where both pipelines' counters, stock and buyers start" }),
    decideAfterMinutes: z.number().nonnegative().max(100_000).default(0),
    limit: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'SimulationRequest' });
export type SimulationInput = z.output<typeof SimulationBody>;

export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];

/** A simulation job: what it replays and how far it has got. */
export const SimulationJobSchema = z.object({
  clientId: IdSchema,
  simulationId: IdSchema,
  historyId: IdSchema,
  request: SimulationBody,
  /** The release the baseline was, once resolved. */
  baselineRelease: z.number().int().nonnegative(),
  status: z.enum(SIMULATION_STATUSES),
  /** queued, reading, deciding, reporting, finished. */
  phase: z.string(),
  progress: z.number().min(0).max(1),
  ordersDone: z.number().int().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  /** Why it failed (`interrupted`: the server stopped while it ran). */
  error: z.string().optional(),
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
  /** From the report, once done. */
  summary: z
    .object({
      orders: z.number().int().nonnegative(),
      decided: z.number().int().nonnegative(),
      skippedTotal: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative().nullable(),
      ordersPerSecond: z.number().nonnegative(),
    })
    .nullable(),
});
export type SimulationJob = z.infer<typeof SimulationJobSchema>;
export const SimulationJobDoc = SimulationJobSchema.meta({ id: 'SimulationJob' });
export const SimulationList = z
  .object({ simulations: z.array(SimulationJobDoc) })
  .meta({ id: 'SimulationList' });
export const SimulationCreated = z
  .object({ simulationId: IdSchema, status: z.enum(SIMULATION_STATUSES) })
  .meta({ id: 'SimulationCreated' });

export const ReportDoc = z.record(z.string(), z.unknown()).meta({
  id: 'SimulationReport',
  description:
    "the CLI's JSON report (`ordergraph simulate --json`, formatVersion 1) with `business`: hold rate, freight, parcels, gifts, warehouse load, baseline and candidate side by side",
});

/** simulate/diff/change-kinds.ts's CHANGE_KINDS, spelled out here (api/ cannot import simulate/); a test keeps them equal. */
export const CHANGE_KIND_NAMES = [
  'status',
  'holdReasons',
  'warehouse',
  'carrier',
  'gifts',
  'split',
  'merge',
  'tags',
] as const;

/** One order decided differently by the baseline and the candidate: both decisions, and the rules each fired. */
export const ChangedOrderSchema = z.object({
  seq: z.number().int().nonnegative(),
  orderId: z.string(),
  kinds: z.array(z.string()),
  baseline: z.record(z.string(), z.unknown()),
  candidate: z.record(z.string(), z.unknown()),
  order: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'the standard order both decided, to run it again (its JSON kept up to 16 KB)' }),
  orderMissing: z.enum(['too_large', 'ambiguous', 'beyond_limit', 'not_found']).optional().meta({
    description:
      'why `order` is absent: over 16 KB, its id several times in the history and not every one changed, past the first 20,000 changes, or not read back',
  }),
});
export type ChangedOrder = z.infer<typeof ChangedOrderSchema>;

export const ChangesQuery = z.object({
  kind: z.enum(CHANGE_KIND_NAMES).optional(),
  cursor: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(0)
    .meta({ description: 'nextCursor of the page before' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ChangesPage = z
  .object({
    changes: z.array(ChangedOrderSchema.meta({ id: 'ChangedOrder' })),
    nextCursor: z.number().int().nonnegative().nullable(),
  })
  .meta({ id: 'ChangesPage' });
