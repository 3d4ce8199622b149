import { z } from 'zod';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';

/**
 * A graph issue on the wire. `code` stays a plain string: a stored version keeps the codes of
 * the compiler that cut it, and a code added or retired since must not make it unreadable.
 */
export const GraphIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string(),
  message: z.string(),
});

/** A strategy being edited: the working copy that versions are cut from. */
export const StrategyRecordSchema = z.object({
  clientId: IdSchema,
  strategyId: IdSchema,
  revision: z.number().int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
  strategy: StrategySchema,
});

export const StrategyDoc = StrategySchema.meta({ id: 'Strategy', description: 'A strategy graph document' });
export const GraphIssueDoc = GraphIssueSchema.meta({ id: 'GraphIssue' });

/** A draft as every strategy route answers it; the document calls it StrategyRecord, which it extends. */
export const StrategyViewDoc = StrategyRecordSchema.extend({ issues: z.array(GraphIssueDoc) }).meta({
  id: 'StrategyRecord',
  description: 'A strategy draft, its revision, and what the compiler says about it now',
});

export const StrategySummaryDoc = z
  .object({
    strategyId: z.string(),
    family: z.string(),
    name: z.string(),
    revision: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'StrategySummary' });

export const StrategyList = z.object({ strategies: z.array(StrategySummaryDoc) });

export type StrategyRecord = z.infer<typeof StrategyRecordSchema>;
export type StrategyView = z.infer<typeof StrategyViewDoc>;
export type StrategySummary = z.infer<typeof StrategySummaryDoc>;
