import { emptyIdRecord, idRecordFrom, MergeGroups, type StateSnapshot } from '../../engine/state/index.ts';
import type { ConsumptionEntry, PersistedState } from './records.ts';

/**
 * Rebuilds a client's state from a snapshot and the consumption recorded after it, with the
 * engine's own rules (`InMemoryState`): counters add, tracked stock goes down (untracked stock is
 * never recorded as a level), a buyer's order count goes up, the order id is remembered, a merge
 * group keeps its latest state (`MergeGroups`). Every step adds or keeps the later of two, so the
 * result does not depend on the order entries are replayed in.
 */
export class StateReplay {
  // Maps, not objects: the keys are ids from orders (a buyer `constructor`, a SKU `__proto__`).
  private readonly counters: Map<string, number>;
  private readonly stock: Map<string, Map<string, number>>;
  private readonly buyers: Map<string, number>;
  private readonly seen: Set<string>;
  private readonly merges: MergeGroups;

  constructor(from: PersistedState) {
    this.counters = new Map(Object.entries(from.snapshot.counters));
    this.stock = new Map(
      Object.entries(from.snapshot.stock).map(([wh, skus]) => [wh, new Map(Object.entries(skus))]),
    );
    this.buyers = new Map(Object.entries(from.snapshot.buyers));
    this.seen = new Set(from.seenOrders);
    this.merges = new MergeGroups(from.snapshot.merges);
  }

  apply(entry: ConsumptionEntry): void {
    for (const item of entry.consumed) {
      if (item.kind === 'counter') {
        this.counters.set(item.key, (this.counters.get(item.key) ?? 0) + item.qty);
      } else if (item.kind === 'merge') {
        const group = { closesAt: Date.parse(item.closesAt), size: item.size };
        this.merges.record(item.group, group, Date.parse(item.at));
      } else {
        const levels = this.stock.get(item.warehouse);
        const onHand = levels?.get(item.sku);
        if (levels && onHand !== undefined) levels.set(item.sku, onHand - item.qty);
      }
    }
    if (entry.buyerId) this.buyers.set(entry.buyerId, (this.buyers.get(entry.buyerId) ?? 0) + 1);
    this.seen.add(entry.orderId);
  }

  result(): PersistedState {
    const merges = this.merges.snapshot();
    const snapshot: StateSnapshot = {
      counters: idRecordFrom(this.counters),
      stock: idRecordFrom([...this.stock].map(([wh, skus]) => [wh, idRecordFrom(skus)] as const)),
      buyers: idRecordFrom(this.buyers),
      ...(merges ? { merges } : {}),
    };
    return { snapshot, seenOrders: [...this.seen].sort() };
  }
}

export const EMPTY_STATE: PersistedState = {
  snapshot: { counters: emptyIdRecord(), stock: emptyIdRecord(), buyers: emptyIdRecord() },
  seenOrders: [],
};
