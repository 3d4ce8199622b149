/** Answer of a lookup as it crosses into the isolate: data only, never a thrown host error. */
export type LookupAnswer = { value: unknown } | { error: string };

const MAX_NAME_CHARS = 200;
const MAX_KEY_CHARS = 1_000;

/**
 * Read-only tables the host publishes (a stock snapshot, a price list) that plugins read one key at a
 * time through `ctx.lookup`, so a large table is never copied into every isolate.
 */
export class TableStore {
  private readonly tables = new Map<string, Map<string, unknown>>();

  publish(name: string, entries: Record<string, unknown>): void {
    this.tables.set(name, new Map(Object.entries(entries)));
  }

  /** Called from inside the isolate with copied arguments, so both are checked again here. */
  lookup(table: unknown, key: unknown): LookupAnswer {
    if (typeof table !== 'string' || table.length > MAX_NAME_CHARS) return { error: 'invalid table name' };
    if (typeof key !== 'string' || key.length > MAX_KEY_CHARS) return { error: 'invalid lookup key' };
    const entries = this.tables.get(table);
    if (entries === undefined) return { error: `no table named ${JSON.stringify(table)}` };
    return { value: entries.get(key) ?? null };
  }
}
