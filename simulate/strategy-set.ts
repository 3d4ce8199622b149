import { OrdergraphError } from '../engine/errors/index.ts';
import type { GraphIssue } from '../engine/graph/issue.ts';
import { loadStrategies } from '../engine/loader/index.ts';

/** A strategy folder with a strategy that does not compile: nothing is simulated. */
export class InvalidStrategiesError extends OrdergraphError {
  readonly code = 'strategies_invalid';

  constructor(
    path: string,
    readonly broken: { file: string; issues: GraphIssue[] }[],
  ) {
    super(`${broken.length} strateg${broken.length === 1 ? 'y' : 'ies'} in ${path} do not compile`, {
      field: path,
    });
  }
}

export interface StrategySet {
  path: string;
  strategyIds: string[];
}

/**
 * Compiles the strategies once on the main thread, before any worker starts, so a broken one is
 * reported with all its issues instead of failing inside a worker.
 */
export function checkStrategies(path: string): StrategySet {
  const { strategies } = loadStrategies(path);
  const broken = strategies
    .filter((s) => !s.result.ok)
    .map((s) => ({ file: s.file, issues: s.result.issues }));
  if (broken.length > 0) throw new InvalidStrategiesError(path, broken);
  return {
    path,
    strategyIds: strategies.map((s) => (s.result.ok ? s.result.compiled.strategyId : '')),
  };
}
