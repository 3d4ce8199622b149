import type { MergeGroup } from '../../../engine/state/index.ts';

/** A stock level as last known: a number, or `null` when the SKU is known untracked at that warehouse. */
export type KnownStock = number | null;

/** Entries kept per map before it is emptied: a stale guess costs one more round trip, never a wrong answer. */
const MAX_ENTRIES = 500_000;

/**
 * What this process last learnt of a client's shared state. Values may be stale: another evaluator
 * may have moved them since. That is safe because every decision made against them is committed
 * with the values it read as preconditions (see commit-script.ts); a stale value costs a redecision.
 * A key never seen reads as its likeliest value: counter 0, stock untracked, a new buyer, a new order,
 * no open merge group.
 */
export class StateCache {
  readonly counters = new Map<string, number>();
  readonly stock = new Map<string, KnownStock>();
  readonly buyers = new Map<string, number>();
  readonly seen = new Set<string>();
  readonly merges = new Map<string, MergeGroup | null>();

  counter(key: string): number {
    return this.counters.get(key) ?? 0;
  }
  stockOf(field: string): number | undefined {
    return this.stock.get(field) ?? undefined;
  }
  buyerOrders(buyerId: string): number {
    return this.buyers.get(buyerId) ?? 0;
  }
  mergeGroup(key: string): MergeGroup | undefined {
    return this.merges.get(key) ?? undefined;
  }

  /** Applies values read from the shared store, as `[kind, key, value]` triples (see `commit-script.ts`). */
  learn(values: readonly string[]): void {
    for (let i = 0; i + 2 < values.length; i += 3) {
      const kind = values[i]!;
      const key = values[i + 1]!;
      const value = values[i + 2]!;
      if (kind === 'c') bounded(this.counters).set(key, Number(value));
      else if (kind === 's') bounded(this.stock).set(key, value === '' ? null : Number(value));
      else if (kind === 'b') bounded(this.buyers).set(key, Number(value));
      else if (kind === 'o') {
        if (value === '1') boundedSet(this.seen).add(key);
        else this.seen.delete(key);
      } else if (kind === 'm') bounded(this.merges).set(key, parseMerge(value));
    }
  }

  clear(): void {
    this.counters.clear();
    this.stock.clear();
    this.buyers.clear();
    this.seen.clear();
    this.merges.clear();
  }
}

/** A merge group as the script stores it, `closesAt:size`; '' for none. */
export function parseMerge(value: string): MergeGroup | null {
  if (value === '') return null;
  const [closesAt, size] = value.split(':');
  return { closesAt: Number(closesAt), size: Number(size) };
}

export const formatMerge = (group: MergeGroup | undefined | null): string =>
  group ? `${group.closesAt}:${group.size}` : '';

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  if (map.size >= MAX_ENTRIES) map.clear();
  return map;
}

function boundedSet<K>(set: Set<K>): Set<K> {
  if (set.size >= MAX_ENTRIES) set.clear();
  return set;
}
