// Node only: the engine's documents read from and written to files. Nothing in the engine core imports this folder.
export { CLIENT_FILE, findClient } from './find-client.ts';
export {
  type LoadedStrategies,
  type LoadedStrategy,
  loadStrategies,
  STRATEGY_SUFFIX,
  strategyFiles,
} from './load-strategies.ts';
export { readJsonFile } from './read-json-file.ts';
export { type Progress, writeNdjson } from './write-ndjson.ts';
