import { z } from 'zod';
import { ActorSchema, IdSchema, OrderIdSchema, TimestampSchema } from './fields.ts';
import { CHANGE_KIND_NAMES, SimulationBody } from './simulations.ts';

/**
 * Shadow releases: a candidate deciding every real order beside the live release, off the response
 * path, its decisions compared with live's and never acted on.
 */

export const SHADOW_SAMPLE_MAX = 500;

export const ShadowBody = z
  .object({
    // The simulation jobs' candidate: the same picks, resolved and compiled the same way.
    candidate: SimulationBody.shape.candidate.unwrap().meta({
      description:
        'strategies replacing their namesakes in the live release (a draft, or a version), as a simulation candidate',
    }),
    sample: z
      .number()
      .int()
      .min(0)
      .max(SHADOW_SAMPLE_MAX)
      .default(50)
      .meta({ description: 'how many of the latest diverging orders to keep, with both decisions' }),
  })
  .strict()
  .meta({ id: 'ShadowRequest' });
export type ShadowInput = z.output<typeof ShadowBody>;

/** What a consultant compares between two decisions of one order (simulate/'s decision outline). */
export const DecisionOutlineSchema = z
  .object({
    status: z.string(),
    holds: z.array(z.string()),
    flags: z.array(z.string()),
    warehouse: z.string().nullable(),
    carrier: z.string().nullable(),
    gifts: z.array(z.object({ sku: z.string(), qty: z.number() })),
    tags: z.array(z.string()),
    merged: z.boolean(),
    parcels: z.array(
      z.object({
        warehouse: z.string().nullable(),
        lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
      }),
    ),
    error: z.string().optional(),
  })
  .meta({ id: 'DecisionOutline' });

export const ShadowDivergenceSchema = z.object({
  orderId: OrderIdSchema,
  /** When live decided it. */
  at: TimestampSchema,
  kinds: z.array(z.enum(CHANGE_KIND_NAMES)),
  live: DecisionOutlineSchema,
  shadow: DecisionOutlineSchema,
});
export type ShadowDivergence = z.infer<typeof ShadowDivergenceSchema>;

export const SHADOW_STATUSES = ['running', 'stale', 'failed'] as const;

export const ShadowDocSchema = z
  .object({
    clientId: IdSchema,
    /**
     * `running`; `stale` once live moved to another release (its orders are not compared: PUT the
     * shadow again); `failed` when the shadow's process stopped (`error` says why).
     */
    status: z.enum(SHADOW_STATUSES),
    since: TimestampSchema,
    by: ActorSchema,
    candidate: ShadowBody.shape.candidate,
    /** "release 3 with routing draft". */
    label: z.string(),
    /** The live release the shadow runs beside. */
    release: z.number().int().positive(),
    /** Live orders the candidate decided and compared. */
    orders: z.number().int().nonnegative(),
    /** Of those, decided differently in any kind. */
    diverged: z.number().int().nonnegative(),
    byKind: z.record(z.enum(CHANGE_KIND_NAMES), z.number().int().nonnegative()),
    /** The latest diverging orders, newest last, at most `sampleLimit`. */
    sample: z.array(ShadowDivergenceSchema.meta({ id: 'ShadowDivergence' })),
    sampleLimit: z.number().int().nonnegative(),
    /** Handed to the shadow and not decided yet. */
    pending: z.number().int().nonnegative(),
    /** Live orders not shadowed because the shadow was too far behind: evaluate never waits for it. */
    dropped: z.number().int().nonnegative(),
    /** Live orders decided by another release than `release`: not compared. */
    otherRelease: z.number().int().nonnegative(),
    /** Orders the candidate failed to decide. */
    errors: z.number().int().nonnegative(),
    error: z.string().optional(),
  })
  .meta({ id: 'Shadow' });
export type ShadowDoc = z.infer<typeof ShadowDocSchema>;
