import type { z } from 'zod';
import { describeZodIssues } from '../engine/errors/index.ts';

/** A zod error on one line, for a failure message or a thrown error. */
export function zodSummary(error: z.ZodError): string {
  return describeZodIssues(error)
    .map((issue) => `${issue.field || '(value)'}: ${issue.message}`)
    .join('; ');
}
