import { emitPlainCheck } from './emit-load.ts';
import type { Facts } from './fact-accessor.ts';
import { compileSource, SourcePool } from './source-pool.ts';
import { isNumeric } from './standard-operators.ts';

/**
 * Whether a compiled evaluator's `evaluate` takes these facts before any rule: no fact named "", and
 * none of the facts named a function or an object with a `then` function. Each is read as `evaluate`
 * reads it, and nothing else is read. True makes `evaluatePlain` safe for those keys and values, for
 * every evaluator whose `loads` are among `names`.
 * Generated, so each fact is read by a property name written in the source (one inline cache each).
 */
export function plainFactsCheck(names: readonly string[]): (facts: Facts) => boolean {
  const pool = new SourcePool();
  const body = `return function plainFacts(f) {\n${emitPlainCheck(names, pool)}\n};`;
  return compileSource(pool, { isArray: Array.isArray, isNumeric, hasOwn: Object.hasOwn }, body);
}
