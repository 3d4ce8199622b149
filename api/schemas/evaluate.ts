import { z } from 'zod';
import { ADAPTER_PLATFORM_NAMES, ADAPTER_PLATFORMS } from '../../engine/order/adapters/platforms.ts';
import { AuditedDecisionDoc, DecisionDoc } from './decisions.ts';

const options = {
  platform: z.enum(ADAPTER_PLATFORMS).optional().meta({
    description: "the raw order's platform; detected from its fields when not given, else standard",
  }),
  trace: z
    .boolean()
    .default(true)
    .meta({ description: 'include the rules that fired, their nodes and the facts read' }),
  explain: z.boolean().default(false).meta({
    description:
      'add `explanations`: one sentence per hold, flag, warehouse and carrier, in Chinese and English, naming the node and the facts its test read (for the OMS to show its operators)',
  }),
  dryRun: z.boolean().default(false).meta({
    description:
      'decide without recording: no audit entry, no counters or stock taken (any role that may evaluate)',
  }),
};

const ORDER_DESCRIPTION = `a raw ${ADAPTER_PLATFORM_NAMES} order; integers past 2^53 (TOP's numeric \`tid\` and \`oid\`) keep every digit`;

const anOrder = z.record(z.string(), z.unknown()).meta({ description: ORDER_DESCRIPTION });

export const EvaluateBody = z.object({ order: anOrder, ...options }).meta({ id: 'Evaluate' });

/**
 * The batch limit is the server's setting (MAX_BATCH), so the schema is made for it. Its elements are
 * read one by one: anything that is not an order (`"x"`, `null`) fails alone, in its own result.
 */
export const evaluateBatchBody = (maxBatch: number) =>
  z
    .object({
      orders: z
        .array(
          z.unknown().meta({
            description: `${ORDER_DESCRIPTION}; an element that is not one gets its own \`invalid_order\` result`,
          }),
        )
        .min(1)
        .max(maxBatch),
      ...options,
    })
    .meta({ id: 'EvaluateBatch' });

export const ReplaySchema = z
  .object({
    at: z.string().meta({ description: 'when the order was decided' }),
    release: z.number().int().meta({ description: 'the release that decided it' }),
  })
  .meta({
    id: 'Replay',
    description:
      'present when the order id was already decided for real: `decision` is then the recorded summary of that decision (every field the OMS acts on, without the rule events and the trace, which the release reproduces), answered again, and nothing was consumed',
  });

export const ExplanationSchema = z
  .object({
    kind: z.enum(['hold', 'flag', 'warehouse', 'carrier']),
    code: z.string().meta({ description: 'the hold or flag reason, the warehouse or the carrier' }),
    strategyId: z.string().meta({
      description: "where it was decided: `pipeline` for the pipeline's own holds, empty when unknown",
    }),
    nodeId: z.string(),
    text: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({
    id: 'Explanation',
    description: 'e.g. `拦截：收货地址缺少区县（节点 地址检查：区县 = （无））`',
  });

const explanations = z
  .array(ExplanationSchema)
  .optional()
  .meta({ description: 'with `explain: true`: one per hold, flag, warehouse and carrier' });

/** A fresh decision, or the recorded summary when the answer is a `replay`. */
const AnsweredDecision = z.union([DecisionDoc, AuditedDecisionDoc]);

export const EvaluateAnswer = z.object({
  clientId: z.string(),
  release: z.number().int(),
  dryRun: z.boolean(),
  platform: z.string(),
  decision: AnsweredDecision,
  replay: ReplaySchema.optional(),
  explanations,
});

const ErrorItem = z
  .object({
    code: z
      .string()
      .meta({ description: '`invalid_order` for an element that is not an object, else what failed' }),
    message: z.string(),
    index: z.number().int().meta({ description: "the order's place in the batch, from 0" }),
  })
  .loose()
  .meta({ id: 'EvaluationError' });

const ResultItem = z
  .union([
    z.object({
      index: z.number().int(),
      ok: z.literal(true),
      platform: z.string(),
      decision: AnsweredDecision,
      replay: ReplaySchema.optional(),
      explanations,
    }),
    z.object({ index: z.number().int(), ok: z.literal(false), error: ErrorItem }),
  ])
  .meta({
    id: 'EvaluationResult',
    description: 'one per order of the batch, in its order: a decision, or an error for that order alone',
  });

export const EvaluateBatchAnswer = z.object({
  clientId: z.string(),
  release: z.number().int(),
  dryRun: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  results: z.array(ResultItem),
});
