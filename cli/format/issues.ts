import type { GraphIssue } from '../../engine/graph/issue.ts';

export function formatIssue(issue: GraphIssue): string {
  const where = [issue.nodeId && `node ${issue.nodeId}`, issue.edgeId && `edge ${issue.edgeId}`]
    .filter(Boolean)
    .join(', ');
  const mark = issue.severity === 'error' ? 'error' : 'warning';
  return `  ${mark} [${issue.code}]${where ? ` (${where})` : ''} at ${issue.path || '(document)'}: ${issue.message}`;
}

export function formatIssues(file: string, issues: readonly GraphIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const head = `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}`;
  return [head, ...issues.map(formatIssue)].join('\n');
}
