import type { z } from 'zod';

/**
 * A zod error on one line, for a failure message or a thrown error: `field: message; …`, the field
 * dotted with [i] for indexes, as the engine renders zod issues, without depending on the engine.
 */
export function zodSummary(error: z.ZodError): string {
  return error.issues.map((issue) => `${fieldOf(issue.path) || '(value)'}: ${messageOf(issue)}`).join('; ');
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** "is required" where zod would say "expected string, received undefined". */
function messageOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
    ? 'is required'
    : issue.message;
}
