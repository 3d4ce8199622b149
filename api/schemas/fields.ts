import { z } from 'zod';

/**
 * Ids that become file names and MongoDB filter values. Stricter than the engine's id pattern: the
 * first character is a letter or digit, so ".", ".." and dot-files can never be named, and the
 * value is always a plain string, never an object a query could read as an operator.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'use 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit');

/** Order ids come from platforms and may hold any character; they are only ever compared as strings. */
export const OrderIdSchema = z.string().min(1).max(256);

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export const TimestampSchema = z.iso.datetime({ offset: true });

/** Who did it: an API key's name and id, as the server writes it. */
export const ActorSchema = z.string().min(1).max(200);
