/** One problem with a plugin's source or manifest, where a person can find it. */
export interface BuildIssue {
  code: BuildIssueCode;
  file: string;
  /** 1-based; absent for problems that have no place in the source (the manifest's values). */
  line?: number;
  /** 1-based, in characters. */
  column?: number;
  /** For manifest problems: the path inside the manifest, e.g. `outputs.score.type`. */
  path?: string;
  message: string;
}

export type BuildIssueCode =
  | 'syntax' // esbuild could not read or transpile the source
  | 'import' // an import other than the SDK
  | 'load' // the built code failed when its isolate ran it (top-level throw, no default export)
  | 'manifest'; // the manifest does not pass the schema, or reads a field no order has

/** `file:line:column: message`, the shape editors and terminals link to. */
export function formatBuildIssue(issue: BuildIssue): string {
  const at = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path === undefined ? '' : `manifest.${issue.path}: `;
  return `${at}: ${path}${issue.message}`;
}
