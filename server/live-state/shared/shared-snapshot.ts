import {
  idRecordFrom,
  type MergeGroupSnapshot,
  type StateSnapshot,
  StateSnapshotSchema,
} from '../../../engine/state/index.ts';
import { stockField } from './recording-view.ts';
import { parseMerge } from './state-cache.ts';

/** A client's shared state as its store lists it, values in the commit answers' format. */
export interface StoredState {
  counters: Iterable<[key: string, value: string]>;
  /** By `warehouse\0sku`; '' for a SKU known untracked there. */
  stock: Iterable<[field: string, value: string]>;
  buyers: Iterable<[buyerId: string, value: string]>;
  merges: Iterable<[key: string, value: string]>;
  /** The latest pay time a merge group was recorded at, if any was. */
  latestMerge: number | undefined;
}

const sorted = <V>(entries: Iterable<[string, V]>) =>
  idRecordFrom([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The snapshot one process's state would give for the same values (same keys, same order). */
export function snapshotOf(stored: StoredState): StateSnapshot {
  const stock = new Map<string, Map<string, number>>();
  for (const [field, qty] of stored.stock) {
    if (qty === '') continue;
    const [warehouse, sku] = field.split('\u0000') as [string, string];
    const skus = stock.get(warehouse) ?? new Map<string, number>();
    stock.set(warehouse, skus);
    skus.set(sku, Number(qty));
  }
  const merges: [string, MergeGroupSnapshot][] = [];
  for (const [key, value] of stored.merges) {
    const group = parseMerge(value);
    // As in one process: a group closed before the latest order recorded takes no more orders.
    if (group && group.closesAt > (stored.latestMerge ?? Number.NEGATIVE_INFINITY)) {
      merges.push([key, { closesAt: new Date(group.closesAt).toISOString(), size: group.size }]);
    }
  }
  const numbers = (entries: Iterable<[string, string]>) =>
    sorted([...entries].map(([k, v]) => [k, Number(v)] as [string, number]));
  return StateSnapshotSchema.parse({
    counters: numbers(stored.counters),
    stock: sorted([...stock].map(([wh, skus]) => [wh, sorted(skus)] as [string, Record<string, number>])),
    buyers: numbers(stored.buyers),
    ...(merges.length > 0 ? { merges: sorted(merges) } : {}),
  });
}

/** The stock fields of a snapshot, `warehouse\0sku` → level. */
export function stockFields(snapshot: StateSnapshot): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const [warehouse, skus] of Object.entries(snapshot.stock)) {
    for (const [sku, qty] of Object.entries(skus)) fields[stockField(warehouse, sku)] = qty;
  }
  return fields;
}
