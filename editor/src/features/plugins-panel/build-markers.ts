import type { PluginBuildIssueView } from '../../infrastructure/api/plugin-api.ts';

/** A Monaco marker's data, without Monaco: lines and columns 1-based, as esbuild reports them. */
export interface BuildMarker {
  severity: 'error' | 'warning';
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Where each build issue goes in the source: at its line and column, underlining the word there. The
 * manifest is checked after the build, so its problems carry a path (`reads[0]`), not a line: they
 * mark the line where that key is written; an issue with neither (a timeout) marks line 1.
 */
export function buildMarkers(
  source: string,
  issues: readonly PluginBuildIssueView[],
  warnings: readonly PluginBuildIssueView[] = [],
): BuildMarker[] {
  const lines = source.split('\n');
  const marker = (issue: PluginBuildIssueView, severity: BuildMarker['severity']): BuildMarker => {
    const line = Math.min(Math.max(issue.line ?? keyLine(lines, issue.path), 1), Math.max(lines.length, 1));
    const text = lines[line - 1] ?? '';
    const startColumn =
      issue.line === undefined ? text.length - text.trimStart().length + 1 : Math.max(issue.column ?? 1, 1);
    const rest = text.slice(startColumn - 1);
    const word = /^[A-Za-z0-9_$]+/.exec(rest)?.[0].length ?? (rest.length > 0 ? 1 : 0);
    const endColumn = issue.line === undefined ? text.length + 1 : startColumn + Math.max(word, 1);
    const message = issue.path === undefined ? issue.message : `manifest.${issue.path}: ${issue.message}`;
    return { severity, message, startLineNumber: line, startColumn, endLineNumber: line, endColumn };
  };
  return [...issues.map((i) => marker(i, 'error')), ...warnings.map((w) => marker(w, 'warning'))];
}

/** The line (1-based) where the manifest key a path starts with is written, `reads:` for `reads[0]`; else 1. */
function keyLine(lines: readonly string[], path: string | undefined): number {
  const key = path === undefined ? undefined : /^[A-Za-z_$][\w$]*/.exec(path)?.[0];
  if (!key) return 1;
  const written = new RegExp(`^\\s*['"]?${key}['"]?\\s*:`);
  const index = lines.findIndex((line) => written.test(line));
  return index === -1 ? 1 : index + 1;
}
