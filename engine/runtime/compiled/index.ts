export { type CompileCheck, canCompile } from './can-compile.ts';
export {
  RuleCompileError,
  type RuleCompileErrorCode,
  RuleEvaluationError,
  type RuleSite,
  UnsupportedFactError,
} from './compile-errors.ts';
export { type CompiledEvaluator, createCompiledEvaluator } from './compiled-evaluator.ts';
export { plainFactsCheck } from './plain-facts.ts';
