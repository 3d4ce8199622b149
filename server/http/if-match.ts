import { ApiError } from '../errors/api-error.ts';

/** Revisions travel as strong ETags: `"3"`. */
export const etagOf = (revision: number) => `"${revision}"`;

/**
 * The revision an `If-Match` header names, or "*" (overwrite whatever is there, knowingly). A
 * write that would replace a document requires one: without it two editors lose each other's work.
 */
export function parseIfMatch(header: string | undefined, required: boolean): number | '*' | undefined {
  if (header === undefined || header.trim() === '') {
    if (!required) return undefined;
    throw new ApiError(
      428,
      'precondition_required',
      'send If-Match with the ETag you read (or "*" to overwrite whatever is there)',
    );
  }
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/.exec(value);
  if (!match) throw new ApiError(400, 'invalid_if_match', 'If-Match must be an ETag such as "3", or *');
  return Number(match[1]);
}
