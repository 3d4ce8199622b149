import { RevisionConflictError } from './errors.ts';

/** Throws when a write was built on a revision other than the current one; "*" means "whatever is there". */
export function checkRevision(what: string, current: number, expected: number | '*'): void {
  if (expected !== '*' && expected !== current) throw new RevisionConflictError(what, current, expected);
}
