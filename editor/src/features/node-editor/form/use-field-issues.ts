import type { GraphIssue } from '../../../core/engine.ts';
import { formatPath, type Path } from '../../../core/paths/content-path.ts';
import { useFormContext } from './form-context.ts';

const NONE: GraphIssue[] = [];

/** The compiler's issues for exactly this field. */
export function useFieldIssues(path: Path): GraphIssue[] {
  return useFormContext().issues.get(formatPath(path)) ?? NONE;
}
