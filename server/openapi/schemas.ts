import { z } from 'zod';
import { ClientSchema } from '../../engine/client/index.ts';
import { CompiledStrategySchema, SourceMapEntrySchema } from '../../engine/compiler/index.ts';
import { DecisionSchema } from '../../engine/decision/decision.ts';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { RuleEventSchema } from '../../engine/rules/schema.ts';
import { StateSnapshotSchema } from '../../engine/state/index.ts';
import {
  ClientRecordSchema,
  DecisionRecordSchema,
  GraphIssueRecordSchema,
  ReleaseSchema,
  StrategyRecordSchema,
  VersionRecordSchema,
} from '../store/records.ts';

/**
 * The engine's and the store's schemas, named for the OpenAPI document. `.meta` returns the same
 * schema with an id: routes validate requests with exactly these objects.
 */
export const ClientDoc = ClientSchema.meta({ id: 'Client', description: "A client's master data" });
export const StrategyDoc = StrategySchema.meta({ id: 'Strategy', description: 'A strategy graph document' });
export const StateSnapshotDoc = StateSnapshotSchema.meta({ id: 'StateSnapshot' });
export const DecisionDoc = DecisionSchema.meta({ id: 'Decision' });
export const GraphIssueDoc = GraphIssueRecordSchema.meta({ id: 'GraphIssue' });
export const ReleaseDoc = ReleaseSchema.meta({ id: 'Release' });
export const ClientRecordDoc = ClientRecordSchema.meta({ id: 'ClientRecord' });
export const StrategyRecordDoc = StrategyRecordSchema.extend({ issues: z.array(GraphIssueDoc) }).meta({
  id: 'StrategyRecord',
  description: 'A strategy draft, its revision, and what the compiler says about it now',
});
export const DecisionRecordDoc = DecisionRecordSchema.meta({ id: 'DecisionRecord' });

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
