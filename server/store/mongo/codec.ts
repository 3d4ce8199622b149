import type { z } from 'zod';
import { CorruptDocumentError } from '../errors.ts';
import { parseDocument } from '../parse-document.ts';

/**
 * Records travel to MongoDB as validated JSON text beside their key fields. Their keys are
 * user-chosen (node content, decision-table columns), and as text they can never be read as a
 * query operator or a dotted path, and come back exactly as the embedded store keeps them.
 */
export function encode<T>(schema: z.ZodType<T>, record: T): string {
  return JSON.stringify(schema.parse(record));
}

export function decode<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  if (typeof body !== 'string') throw new CorruptDocumentError(where, 'the record body is missing');
  return parseDocument(where, body, schema);
}
