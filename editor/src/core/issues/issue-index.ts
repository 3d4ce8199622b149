import type { GraphIssue } from '../engine.ts';
import { parsePath } from '../paths/content-path.ts';

/** Issues sorted by what they name, for the canvas (badges, red borders, edge labels) and the list. */
export interface IssueIndex {
  byNode: ReadonlyMap<string, GraphIssue[]>;
  byEdge: ReadonlyMap<string, GraphIssue[]>;
  /** Issues about the document as a whole (no start, no rules). */
  general: GraphIssue[];
  errors: number;
  warnings: number;
}

export const EMPTY_ISSUES: IssueIndex = {
  byNode: new Map(),
  byEdge: new Map(),
  general: [],
  errors: 0,
  warnings: 0,
};

function push(map: Map<string, GraphIssue[]>, key: string, issue: GraphIssue) {
  const list = map.get(key);
  if (list) list.push(issue);
  else map.set(key, [issue]);
}

export function indexIssues(issues: readonly GraphIssue[]): IssueIndex {
  const byNode = new Map<string, GraphIssue[]>();
  const byEdge = new Map<string, GraphIssue[]>();
  const general: GraphIssue[] = [];
  let errors = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    // An issue about a branch (an edge out of a node) is shown on the edge; on the node otherwise.
    if (issue.edgeId) push(byEdge, issue.edgeId, issue);
    else if (issue.nodeId) push(byNode, issue.nodeId, issue);
    else general.push(issue);
  }
  return { byNode, byEdge, general, errors, warnings: issues.length - errors };
}

/** The path inside a node's content an issue points at (`when.all[0].value`), or undefined when it names the node itself. */
export function contentPathOf(issue: GraphIssue): string | undefined {
  const match = /^nodes\[\d+\]\.content\.?(.*)$/.exec(issue.path);
  return match ? match[1] : undefined;
}

/** Content issues keyed by their path, for the inspector to show beside the field. */
export function issuesByContentPath(issues: readonly GraphIssue[]): Map<string, GraphIssue[]> {
  const out = new Map<string, GraphIssue[]>();
  for (const issue of issues) {
    const path = contentPathOf(issue);
    if (path === undefined) continue;
    // Normalise `a.0.b` spellings to `a[0].b`, the form's own.
    const key = parsePath(path)
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
      .join('')
      .replace(/^\./, '');
    push(out, key, issue);
  }
  return out;
}
