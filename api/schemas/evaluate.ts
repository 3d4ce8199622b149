import { z } from 'zod';
import { DecisionDoc } from './decisions.ts';

const options = {
  platform: z.enum(['tmall', 'jd', 'douyin', 'standard']).optional().meta({
    description: "the raw order's platform; detected from its fields when not given, else standard",
  }),
  trace: z
    .boolean()
    .default(true)
    .meta({ description: 'include the rules that fired, their nodes and the facts read' }),
  dryRun: z.boolean().default(false).meta({
    description:
      'decide without recording: no audit entry, no counters or stock taken (any role that may evaluate)',
  }),
};

const anOrder = z.record(z.string(), z.unknown()).meta({
  description:
    "a standard order or a raw Tmall / JD / Douyin order; integers past 2^53 (TOP's numeric `tid` and `oid`) keep every digit",
});

export const EvaluateBody = z.object({ order: anOrder, ...options }).meta({ id: 'Evaluate' });

/** The batch limit is the server's setting (MAX_BATCH), so the schema is made for it. */
export const evaluateBatchBody = (maxBatch: number) =>
  z.object({ orders: z.array(anOrder).min(1).max(maxBatch), ...options }).meta({ id: 'EvaluateBatch' });

export const EvaluateAnswer = z.object({
  clientId: z.string(),
  release: z.number().int(),
  dryRun: z.boolean(),
  platform: z.string(),
  decision: DecisionDoc,
});

const ErrorItem = z.object({ code: z.string(), message: z.string() }).loose();

const ResultItem = z
  .union([
    z.object({ index: z.number().int(), ok: z.literal(true), platform: z.string(), decision: DecisionDoc }),
    z.object({ index: z.number().int(), ok: z.literal(false), error: ErrorItem }),
  ])
  .meta({ id: 'EvaluationResult' });

export const EvaluateBatchAnswer = z.object({
  clientId: z.string(),
  release: z.number().int(),
  dryRun: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  results: z.array(ResultItem),
});
