import { z } from 'zod';

/** Every error answer: a code for machines, a message for people, and what helps fix the request. */
export const ErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string().meta({ example: 'stale_revision' }),
        message: z.string(),
        issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
        current: z.number().int().nullable().optional().meta({ description: 'the current revision, on 409' }),
        requestId: z.string().optional(),
      })
      .loose(),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorSchema>;
