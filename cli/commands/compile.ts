import { compileStrategy } from '../../engine/compiler/index.ts';
import { hasErrors } from '../../engine/graph/issue.ts';
import { readJsonFile } from '../../engine/loader/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';

export interface CompileOptions {
  json?: boolean;
}

/** Prints the rule JSON of a strategy file, or its issues (exit 1). */
export function compileCommand(file: string, options: CompileOptions): void {
  const result = compileStrategy(readJsonFile(file));
  if (options.json) {
    const out = result.ok
      ? { ok: true, compiled: result.compiled, issues: result.issues }
      : { ok: false, issues: result.issues };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (result.ok) {
    if (result.issues.length) process.stderr.write(`${formatIssues(file, result.issues)}\n`);
    process.stdout.write(`${JSON.stringify(result.compiled, null, 2)}\n`);
  } else {
    process.stderr.write(`${formatIssues(file, result.issues)}\n`);
  }
  if (!result.ok || hasErrors(result.issues)) throw new CliExit(EXIT.invalid);
}
