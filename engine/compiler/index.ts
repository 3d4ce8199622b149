export type { CompileContext } from './compile-context.ts';
export { COMPILE_LIMITS, type CompileLimits } from './compile-limits.ts';
export { type CompileResult, compileStrategy } from './compile-strategy.ts';
export {
  type CompiledRule,
  type CompiledStrategy,
  CompiledStrategySchema,
  type SourceMapEntry,
  SourceMapEntrySchema,
} from './compiled-strategy.ts';
