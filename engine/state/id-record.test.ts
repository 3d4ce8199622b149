import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idRecord } from './id-record.ts';
import { InMemoryState } from './in-memory-state.ts';
import { StateSnapshotSchema } from './state.ts';

/** Every name an object inherits, and `__proto__`: ids that once read or wrote Object.prototype. */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];
const anId = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom('\u0000', '\u0000__proto__', '\u0000\u0000x', ''),
  fc.string(),
);
const ids = fc.uniqueArray(anId, { maxLength: 12 });
const own = <V>(entries: [string, V][]): Record<string, V> => Object.fromEntries(entries);
/** The own entries of a record, `__proto__` included, sorted by key. */
const entriesOf = (record: object) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('idRecord', () => {
  it('keeps __proto__, constructor and escape-like keys, and parses into an object with no prototype', () => {
    const input = JSON.parse('{"__proto__":1,"constructor":2,"\\u0000__proto__":3,"\\u0000":4,"a":5}');
    expect(Object.getPrototypeOf(StateSnapshotSchema.parse({}).buyers)).toBeNull();
    expect(Object.getPrototypeOf(idRecord(z.number()).parse({}))).toBeNull();
    const out = StateSnapshotSchema.parse({ buyers: input }).buyers;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(entriesOf(out)).toEqual(entriesOf(input));
    expect(JSON.parse(JSON.stringify(out))).toEqual(input);
  });

  it('still rejects a bad value, and a non-object', () => {
    expect(StateSnapshotSchema.safeParse({ buyers: JSON.parse('{"__proto__":-1}') }).success).toBe(false);
    expect(StateSnapshotSchema.safeParse({ buyers: [1] }).success).toBe(false);
    expect(StateSnapshotSchema.safeParse({ buyers: 'x' }).success).toBe(false);
  });
});

describe('InMemoryState with any ids', () => {
  it('counts, stocks, remembers and merges under every id, and round-trips snapshot → JSON → state', () => {
    fc.assert(
      fc.property(ids, ids, ids, (keys, warehouses, skus) => {
        const state = new InMemoryState({
          stock: own(warehouses.map((wh) => [wh, own(skus.map((sku) => [sku, 10]))])),
        });
        const t0 = Date.parse('2026-11-11T00:00:00Z');
        for (const [i, key] of keys.entries()) {
          expect(state.counter(key)).toBe(0);
          expect(state.buyerOrders(key)).toBe(0);
          expect(state.seenOrder(key)).toBe(false);
          expect(state.mergeGroup(key, t0)).toBeUndefined();
          expect(state.takeFromCounter(key, i + 1, 100)).toBe(true);
          state.recordBuyerOrder(key);
          state.recordBuyerOrder(key);
          state.recordOrder(key);
          state.recordMergeGroup(key, { closesAt: t0 + 60_000, size: i + 1 }, t0);
        }
        for (const wh of warehouses)
          for (const sku of skus) expect(state.reserveStock(wh, sku, 3)).toBe(true);
        const check = (s: InMemoryState) => {
          for (const [i, key] of keys.entries()) {
            expect(s.counter(key)).toBe(i + 1);
            expect(s.buyerOrders(key)).toBe(key === '' ? 0 : 2);
            expect(s.mergeGroup(key, t0 + 1)).toEqual({ closesAt: t0 + 60_000, size: i + 1 });
          }
          for (const wh of warehouses) for (const sku of skus) expect(s.stock(wh, sku)).toBe(7);
        };
        check(state);
        for (const key of keys) expect(state.seenOrder(key)).toBe(true);

        const snapshot = state.snapshot();
        expect(Object.keys(snapshot.counters).sort()).toEqual([...keys].sort());
        expect(Object.keys(snapshot.merges ?? {}).sort()).toEqual([...keys].sort());
        expect(Object.keys(snapshot.stock).sort()).toEqual([...warehouses].sort());

        const json = JSON.stringify(snapshot);
        const again = new InMemoryState(JSON.parse(json));
        check(again);
        expect(JSON.stringify(again.snapshot())).toBe(json);
        const parsed = StateSnapshotSchema.parse(JSON.parse(json));
        expect(JSON.stringify(new InMemoryState(parsed).snapshot())).toBe(json);
      }),
      { numRuns: 150 },
    );
  });

  it('snapshots into records with no prototype, so reading an id never reaches Object.prototype', () => {
    const state = new InMemoryState({ stock: own([['constructor', own([['toString', 1]])]]) });
    state.takeFromCounter('valueOf', 1, 1);
    state.recordBuyerOrder('hasOwnProperty');
    state.recordMergeGroup('constructor', { closesAt: 10, size: 1 }, 0);
    const snapshot = state.snapshot();
    const records = [
      snapshot.counters,
      snapshot.buyers,
      snapshot.stock,
      snapshot.stock.constructor,
      snapshot.merges,
    ];
    for (const record of records) expect(Object.getPrototypeOf(record)).toBeNull();
    expect(snapshot.buyers.constructor).toBeUndefined();
  });
});
