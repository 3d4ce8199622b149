import type { Client } from '../client/index.ts';
import type { CompiledStrategy } from '../compiler/index.ts';
import type { Decision } from '../decision/decision.ts';
import { OrdergraphError } from '../errors/index.ts';
import type { Strategy } from '../graph/schema.ts';
import { adaptOrder } from '../order/adapters/index.ts';
import type { EngineName } from '../runtime/index.ts';
import { createPipeline } from '../runtime/index.ts';
import { InMemoryState } from '../state/index.ts';
import { compareExpect, type ExpectDiff, expectDiffs } from './compare-expect.ts';

export interface StrategyTestOutcome {
  name: string;
  passed: boolean;
  failures: string[];
  /** The failures as data, for a diff of expected and actual values; empty when the order could not be read. */
  diffs: ExpectDiff[];
  decision?: Decision;
}

/** Runs a strategy's own tests, each order through that strategy alone. */
export async function runStrategyTests(
  strategy: Strategy,
  compiled: CompiledStrategy,
  options: { engine?: EngineName; client?: Client } = {},
): Promise<StrategyTestOutcome[]> {
  const outcomes: StrategyTestOutcome[] = [];
  for (const test of strategy.tests) {
    // Each test starts from fresh state, so one test's capped gift cannot starve the next.
    const state = new InMemoryState(test.state);
    const pipeline = createPipeline([compiled], { ...options, state, trace: true });
    let decision: Decision;
    try {
      decision = await pipeline.decide(adaptOrder(test.platform, test.order));
    } catch (error) {
      if (!(error instanceof OrdergraphError)) throw error;
      outcomes.push({ name: test.name, passed: false, failures: [`order: ${error.message}`], diffs: [] });
      continue;
    }
    const diffs = expectDiffs(test.expect, decision);
    const failures = compareExpect(test.expect, decision);
    outcomes.push({ name: test.name, passed: failures.length === 0, failures, diffs, decision });
  }
  return outcomes;
}
