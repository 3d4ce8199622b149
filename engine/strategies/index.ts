export { compareExpect } from './compare-expect.ts';
export {
  type LoadedStrategies,
  type LoadedStrategy,
  loadStrategies,
  STRATEGY_SUFFIX,
  strategyFiles,
} from './load-strategies.ts';
export { parseJson, readJsonFile } from './read-json.ts';
export { runStrategyTests, type StrategyTestOutcome } from './run-strategy-tests.ts';
