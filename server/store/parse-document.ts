import type { z } from 'zod';
import { describeZodIssues } from '../../engine/errors/index.ts';
import { CorruptDocumentError } from './errors.ts';

/** A stored JSON document, parsed and validated; `where` names it in the error when it is neither. */
export function parseDocument<T>(where: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorruptDocumentError(where, (error as Error).message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = describeZodIssues(parsed.error).map((i) => `${i.field || 'document'}: ${i.message}`);
    throw new CorruptDocumentError(where, issues.join('; '));
  }
  return parsed.data;
}
