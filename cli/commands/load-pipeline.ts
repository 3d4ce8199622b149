import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { loadStrategies } from '../../engine/loader/index.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';

/** Compiles every strategy at a path into one pipeline, or prints every issue and exits 1. */
export function loadPipeline(path: string, engine: EngineName, trace: boolean): Pipeline {
  const { client, strategies: loaded } = loadStrategies(path);
  const broken = loaded.filter((s) => !s.result.ok);
  for (const s of broken) process.stderr.write(`${formatIssues(s.file, s.result.issues)}\n`);
  if (broken.length) throw new CliExit(EXIT.invalid);
  const compiled = loaded.map((s) => (s.result as { compiled: CompiledStrategy }).compiled);
  return createPipeline(compiled, { engine, trace, client });
}
