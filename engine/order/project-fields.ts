import { DROPPED_KEYS, parseJsonSafely } from '../../plugins/sdk/index.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Copies only the named fields of an order, so a plugin receives (and the sandbox copies) what its
 * manifest asks for and nothing else. Paths are dotted (`receiver.province`); through an array the rest
 * of the path applies to each element (`lines.sku` gives `lines: [{sku}, …]`). Missing fields are left
 * out; own properties only, so nothing is read from a prototype.
 */
export function projectFields(order: unknown, paths: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.some((segment) => segment === '' || DROPPED_KEYS.has(segment))) {
      throw new RangeError(`invalid field path ${JSON.stringify(path)}`);
    }
    merge(out, pick(order, segments));
  }
  return out;
}

/** The value at `segments` wrapped in the same shape, or undefined when absent. */
function pick(value: unknown, segments: readonly string[]): Json | undefined {
  if (segments.length === 0) return toJson(value);
  if (Array.isArray(value)) {
    return value.map((item) => pick(item, segments) ?? null);
  }
  if (value === null || typeof value !== 'object') return undefined;
  const [head, ...rest] = segments as [string, ...string[]];
  if (!Object.hasOwn(value, head)) return undefined;
  const inner = pick((value as Record<string, unknown>)[head], rest);
  return inner === undefined ? undefined : { [head]: inner };
}

function merge(target: Record<string, Json>, picked: Json | undefined): void {
  if (picked === undefined || picked === null || typeof picked !== 'object' || Array.isArray(picked)) return;
  for (const [key, value] of Object.entries(picked)) target[key] = combine(target[key], value);
}

function combine(existing: Json | undefined, next: Json): Json {
  if (Array.isArray(existing) && Array.isArray(next)) {
    return next.map((item, index) => combine(existing[index], item));
  }
  if (isObject(existing) && isObject(next)) {
    const out = { ...existing };
    merge(out, next);
    return out;
  }
  return next;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A deep copy of JSON data, anything else dropped as JSON would drop it. The dangerous keys go too, so
 * merging two paths can never assign a prototype.
 */
function toJson(value: unknown): Json | undefined {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (parseJsonSafely(text) as Json);
}
