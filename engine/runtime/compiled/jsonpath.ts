import { createRequire } from 'node:module';
import type { JSONPath as JSONPathFunction } from 'jsonpath-plus';

/**
 * The very jsonpath-plus module json-rules-engine resolves (its own dependency, CommonJS build),
 * so complex paths are answered by the same code, cache and version as the reference engine.
 */
const requireFromEngine = createRequire(createRequire(import.meta.url).resolve('json-rules-engine'));

export const { JSONPath } = requireFromEngine('jsonpath-plus') as { JSONPath: typeof JSONPathFunction };

/** json-rules-engine's default path resolver, verbatim. */
export function resolvePath(json: object, path: unknown): unknown {
  return JSONPath({ path: path as string, json, wrap: false });
}
