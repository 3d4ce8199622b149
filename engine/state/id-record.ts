import { z } from 'zod';

/**
 * Records keyed by ids that come from orders and users (buyer, SKU, warehouse, counter keys,
 * reasons): any string is a key, `__proto__`, `constructor` and `toString` included.
 *
 * A plain object cannot hold such keys safely: `counts[id] ?? 0` reads `Object.prototype` for
 * `constructor`, and `counts['__proto__'] = n` sets the prototype instead of a key. So code keeps
 * ids in a `Map` and these objects, with no prototype, only at the edges (snapshots, reports, JSON).
 */
export type IdRecord<V> = Record<string, V>;

/** An empty record with no prototype: reading any id from it gives undefined. */
export function emptyIdRecord<V>(): IdRecord<V> {
  return Object.create(null) as IdRecord<V>;
}

/** A record with no prototype from entries; every key becomes an own property, `__proto__` too. */
export function idRecordFrom<V>(entries: Iterable<readonly [string, V]>): IdRecord<V> {
  const record = emptyIdRecord<V>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The value under `key` if the record has it as its own, never anything inherited. */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

// zod's record skips an own `__proto__` key (and any key its key schema turns into one), so keys
// travel through it escaped: `__proto__` and every key that starts with the escape get one more
// escape in front, which makes the mapping one to one, and the output takes them off again.
const ESCAPE = '\u0000';
const escapeKey = (key: string) => (key === '__proto__' || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key);
const unescapeKey = (key: string) => (key.startsWith(ESCAPE) ? key.slice(1) : key);

function escapeKeys(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const escaped: Record<string, unknown> = emptyIdRecord();
  for (const key of Object.keys(input)) escaped[escapeKey(key)] = (input as Record<string, unknown>)[key];
  return escaped;
}

/**
 * `z.record(z.string(), value)` for id keys: it keeps every key, `__proto__` included, and parses
 * into an object with no prototype. It reads as a plain record in OpenAPI (a preprocess and a
 * transform around `z.record`). An issue under the key `__proto__` names it with the escape.
 */
export function idRecord<V extends z.ZodType>(value: V) {
  return z
    .preprocess<unknown, z.ZodRecord<z.ZodString, V>, Record<string, z.input<V>>>(
      escapeKeys,
      z.record(z.string(), value),
    )
    .transform((record) =>
      idRecordFrom(Object.entries(record).map(([key, v]) => [unescapeKey(key), v] as const)),
    );
}
