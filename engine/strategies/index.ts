export { compareExpect, type ExpectDiff, expectationOf, expectDiffs } from './compare-expect.ts';
export { parseJson } from './parse-json.ts';
export { runStrategyTests, type StrategyTestOutcome } from './run-strategy-tests.ts';
