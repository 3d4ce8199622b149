import { JSONPath } from './jsonpath.ts';

/** Segments jsonpath-plus's `_trace` gives a meaning other than "own property of that name". */
const SPECIAL_SEGMENTS: ReadonlySet<string> = new Set(['*', '..', '^', '~', '$']);
const SLICE = /^(-?\d*):(-?\d*):?(\d*)$/u;

function isPlainSegment(segment: string): boolean {
  if (SPECIAL_SEGMENTS.has(segment) || SLICE.test(segment) || segment.includes(',')) return false;
  const first = segment[0];
  return first !== '@' && first !== '`' && first !== '(' && first !== '?';
}

/**
 * The property names of a path that jsonpath-plus would follow one own property at a time
 * (`$.receiver.provinceCode`, `$.lines[0].sku`), or undefined when the path needs jsonpath-plus
 * itself (wildcards, filters, slices, unions, recursive descent, no leading `$`).
 *
 * For such a path JSONPath({path, json, wrap: false}) walks `val && Object.hasOwn(val, segment)`
 * from the root and returns the one value it reaches, else undefined (emitted by emit-load.ts).
 * Tokenising with jsonpath-plus's own `toPathArray` keeps quoting and bracket rules theirs.
 */
export function simplePathSegments(path: string): readonly string[] | undefined {
  // Paths not starting with `$` are looked up in jsonpath-plus's cache object by their own text,
  // where `constructor` or `toString` hit Object.prototype and throw: leave those to jsonpath-plus.
  if (!path.startsWith('$')) return undefined;
  const segments = JSONPath.toPathArray(path);
  if (segments[0] !== '$' || segments.length < 2) return undefined;
  const rest = segments.slice(1);
  return rest.every(isPlainSegment) ? rest : undefined;
}
