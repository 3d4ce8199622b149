import { z } from 'zod';
import { FAMILIES, HIT_POLICIES } from '../graph/schema.ts';
import { RuleSchema } from '../rules/schema.ts';

export const SourceMapEntrySchema = z.object({
  /** The node whose event the rule emits (an action, or a decision table for its rows). */
  emitterId: z.string(),
  /** Every node and edge on a path from start to the emitter, in path order. */
  nodeIds: z.array(z.string()),
  edgeIds: z.array(z.string()),
  /** Rules in one group hit at most once per order: the first, by priority. */
  group: z.string().optional(),
});

/** A strategy compiled: plain json-rules-engine rules, plus the map from each rule back to the graph. */
export const CompiledStrategySchema = z.object({
  formatVersion: z.literal(1),
  strategyId: z.string(),
  clientId: z.string(),
  family: z.enum(FAMILIES),
  name: z.string(),
  hitPolicy: z.enum(HIT_POLICIES),
  rules: z.array(RuleSchema.extend({ name: z.string(), priority: z.number().int().min(1) })),
  sourceMap: z.record(z.string(), SourceMapEntrySchema),
});

export type SourceMapEntry = z.infer<typeof SourceMapEntrySchema>;
export type CompiledStrategy = z.infer<typeof CompiledStrategySchema>;
export type CompiledRule = CompiledStrategy['rules'][number];
