export { type RunRulesFileOptions, readRuleSet, runRulesFile } from './run-rules-file.ts';
export {
  LINE_ERRORS,
  type RunRulesOptions,
  type RunRulesSummary,
  runRulesOverNdjson,
} from './run-rules-over-ndjson.ts';
