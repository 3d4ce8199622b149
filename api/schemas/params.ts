import { z } from 'zod';
import { IdSchema } from './fields.ts';

export const ClientParams = z.object({ clientId: IdSchema });
export const StrategyParams = z.object({ clientId: IdSchema, strategyId: IdSchema });
export const VersionParams = z.object({
  clientId: IdSchema,
  strategyId: IdSchema,
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'a version number: 1, 2, …')
    .transform(Number),
});
