import { z } from 'zod';
import { CompiledStrategySchema, SourceMapEntrySchema } from '../../engine/compiler/compiled-strategy.ts';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { RuleEventSchema } from '../../engine/rules/schema.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';
import { GraphIssueSchema } from './strategies.ts';

/** An immutable snapshot of a strategy: the document, its rule JSON and source map, who cut it and when. */
export const VersionRecordSchema = z.object({
  clientId: IdSchema,
  strategyId: IdSchema,
  version: z.number().int().min(1),
  createdAt: TimestampSchema,
  author: ActorSchema,
  note: z.string().max(2000).default(''),
  /** The draft revision the version was cut from. */
  draftRevision: z.number().int().min(1),
  strategy: StrategySchema,
  compiled: CompiledStrategySchema,
  /** Warnings the compiler reported; a version never has errors. */
  issues: z.array(GraphIssueSchema).default([]),
});

/**
 * Rule conditions are a recursive json-rules-engine tree; the document names their shape instead
 * of recursing (responses only: nothing is validated with it).
 */
const CompiledDoc = CompiledStrategySchema.extend({
  rules: z.array(
    z.object({
      name: z.string(),
      priority: z.number().int(),
      conditions: z.record(z.string(), z.unknown()).meta({
        description: 'json-rules-engine conditions: {all|any: [...]}, {not: ...} or a fact condition',
      }),
      event: RuleEventSchema,
    }),
  ),
  sourceMap: z.record(z.string(), SourceMapEntrySchema),
}).meta({ id: 'CompiledStrategy' });

export const VersionRecordDoc = VersionRecordSchema.extend({ compiled: CompiledDoc }).meta({
  id: 'VersionRecord',
});
export const VersionSummaryDoc = VersionRecordSchema.omit({ strategy: true, compiled: true }).meta({
  id: 'VersionSummary',
});
export const VersionList = z.object({ versions: z.array(VersionSummaryDoc) });

export const CutVersionBody = z
  .object({
    note: z.string().max(2000).default('').meta({ description: 'what changed, for the history' }),
    revision: z.number().int().min(1).optional().meta({
      description: 'the draft revision you reviewed; if the draft has moved on, 409',
    }),
  })
  .meta({ id: 'CutVersion' });

export type VersionRecord = z.infer<typeof VersionRecordSchema>;
export type VersionSummary = z.infer<typeof VersionSummaryDoc>;
/** What a caller may send: `note` has a default. */
export type CutVersionInput = z.input<typeof CutVersionBody>;
