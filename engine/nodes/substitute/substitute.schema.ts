import { z } from 'zod';
import { TimeWindowSchema } from '../gift/time-window.ts';

const code = z.string().min(1).max(64);

/** When a substitution applies. A window with neither bound means always. */
export const SubstituteWhenSchema = z.discriminatedUnion('kind', [
  TimeWindowSchema.extend({ kind: z.literal('window') }),
  z.object({ kind: z.literal('remark'), keywords: z.array(z.string().min(1)).min(1) }),
  /** A is out of stock and B is in stock, by the same rule gifts use (`canSupply`). */
  z.object({ kind: z.literal('outOfStock') }),
]);

/** Replace every unit of `from` by `ratio` units of `to`. */
export const SubstitutionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use up to 64 letters, digits, "_" or "-"'),
  from: code,
  to: code,
  ratio: z.number().int().positive().default(1),
  when: SubstituteWhenSchema,
});

export const SubstituteParamsSchema = z.object({ substitutions: z.array(SubstitutionSchema).min(1) });

export type SubstituteWhen = z.infer<typeof SubstituteWhenSchema>;
export type Substitution = z.infer<typeof SubstitutionSchema>;
export type SubstituteParams = z.infer<typeof SubstituteParamsSchema>;
