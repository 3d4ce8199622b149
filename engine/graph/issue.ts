import type { Label } from '../nodes/node-kind.ts';

/**
 * A problem in a strategy graph, as data: the editor paints it on the node or edge it names,
 * the CLI prints it, and a test asserts it. Throwing is for bugs, not for graphs.
 */
export interface GraphIssue {
  code: IssueCode;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  /** Field path inside the document, e.g. `nodes[3].content.when.all[0].value`. */
  path: string;
  message: string;
  /** The message in both languages, where the engine words it for the consultant (the analysis' warnings). */
  text?: Label;
}

export type IssueCode =
  | 'document_invalid'
  | 'duplicate_id'
  | 'unknown_kind'
  | 'kind_version_unsupported'
  | 'content_invalid'
  | 'missing_start'
  | 'multiple_starts'
  | 'dangling_edge'
  | 'unknown_handle'
  | 'edge_into_start'
  | 'cycle'
  | 'unreachable_node'
  | 'missing_branch'
  | 'dead_end'
  | 'unknown_fact'
  | 'operator_unknown'
  | 'operator_type_mismatch'
  | 'value_type_mismatch'
  | 'invalid_regex'
  | 'unknown_region'
  | 'empty_row'
  | 'no_rules'
  | 'compiled_too_large'
  | 'unknown_reference'
  | 'unknown_event_type'
  // Static analysis (engine/analysis): warnings, never errors.
  | 'never_holds'
  | 'unreachable_branch'
  | 'shadowed_row'
  | 'overlapping_rows'
  | 'held_before_reached'
  | 'route_not_covered';

export function hasErrors(issues: readonly GraphIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
