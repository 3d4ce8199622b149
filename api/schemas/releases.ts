import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';

export const ReleaseEntrySchema = z.object({ strategyId: IdSchema, version: z.number().int().min(1) });

/** One state of a client's live pipeline. Releases are numbered 1, 2, …; the live pointer names one. */
export const ReleaseSchema = z.object({
  clientId: IdSchema,
  release: z.number().int().min(1),
  action: z.enum(['publish', 'rollback']),
  /** For a rollback: the release whose strategies it restored. */
  restored: z.number().int().min(1).optional(),
  strategies: z.array(ReleaseEntrySchema),
  at: TimestampSchema,
  by: ActorSchema,
  note: z.string().max(2000).default(''),
});

export const ReleaseDoc = ReleaseSchema.meta({ id: 'Release' });
export const ReleaseList = z.object({ releases: z.array(ReleaseDoc) });

const expectedRelease = z.number().int().min(0).optional().meta({
  description: 'the live release you saw (0: none); if another publish came first, 409',
});

export const PublishBody = z
  .object({
    strategies: z.array(ReleaseEntrySchema).min(1).max(100),
    mode: z.enum(['merge', 'replace']).default('merge').meta({
      description:
        'merge: these versions replace those strategies in the live set; replace: they are the whole set',
    }),
    expectedRelease,
    note: z.string().max(2000).default(''),
  })
  .meta({ id: 'Publish' });

export const RollbackBody = z
  .object({
    toRelease: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'default: the release before the live one' }),
    expectedRelease,
    note: z.string().max(2000).default(''),
  })
  .meta({ id: 'Rollback' });

export type ReleaseEntry = z.infer<typeof ReleaseEntrySchema>;
export type Release = z.infer<typeof ReleaseSchema>;
/** What a caller may send: fields with a default may be left out. */
export type PublishInput = z.input<typeof PublishBody>;
export type RollbackInput = z.input<typeof RollbackBody>;
