import {
  analyseClient,
  analyseStrategy,
  type Client,
  type CompiledStrategy,
  type CompileResult,
} from '../engine.ts';

/**
 * The compile result with the static analysis' warnings added: the draft's own (conditions that never
 * hold, unreachable branches, shadowed or overlapping rows) and those the client's published
 * strategies show about it. Only a graph that compiles is analysed: its errors come first.
 */
export function withAnalysis(
  result: CompileResult,
  published: readonly CompiledStrategy[],
  client: Client | undefined,
): CompileResult {
  if (!result.ok) return result;
  const own = analyseStrategy(result.strategy, client ? { client } : {});
  const id = result.compiled.strategyId;
  const stages = [...published.filter((s) => s.strategyId !== id), result.compiled];
  const across = analyseClient(stages)
    .filter((i) => i.strategyId === id)
    .map((i) => i.issue);
  return { ...result, issues: [...result.issues, ...own, ...across] };
}
