import { JSONPath } from 'jsonpath-plus';

export { JSONPath };

/**
 * json-rules-engine's default path resolver, verbatim, over the same jsonpath-plus release it
 * depends on (one copy in the lockfile), so complex paths are answered as the reference engine does.
 */
export function resolvePath(json: object, path: unknown): unknown {
  return JSONPath({ path: path as string, json, wrap: false });
}
