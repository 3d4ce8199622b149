import type { z } from 'zod';

/** Renders a zod error as `field: message` lines, the field as a dotted path a person can find. */
export function describeZodIssues(error: z.ZodError, prefix = ''): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: joinPath(prefix, issue.path),
    message: issueMessage(issue),
  }));
}

export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** zod's message, but "is required" where it would say "expected string, received undefined". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
    ? 'is required'
    : issue.message;
}
