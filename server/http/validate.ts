import type { z } from 'zod';
import { describeZodIssues } from '../../engine/errors/index.ts';
import { invalidRequest } from '../errors/api-error.ts';

/** Parses one part of a request, or throws 400 naming every bad field by its path. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'params' | 'query' | 'headers',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(where, describeZodIssues(parsed.error));
  return parsed.data;
}
