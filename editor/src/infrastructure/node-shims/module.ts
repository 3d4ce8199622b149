import { JSONPath } from 'jsonpath-plus';

/**
 * The compiled runtime reaches jsonpath-plus through `createRequire`, to share json-rules-engine's
 * copy under Node. The bundle has exactly one copy, so the shim hands that one out.
 */
export function createRequire(_from: string) {
  const require = (id: string): unknown => {
    if (id === 'jsonpath-plus') return { JSONPath };
    throw new Error(`cannot require ${id} in the browser`);
  };
  return Object.assign(require, { resolve: (id: string) => id });
}
