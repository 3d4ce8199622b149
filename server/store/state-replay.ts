import { MergeGroups, type StateSnapshot } from '../../engine/state/index.ts';
import type { ConsumptionEntry, PersistedState } from './records.ts';

/**
 * Rebuilds a client's state from a snapshot and the consumption recorded after it, with the
 * engine's own rules (`InMemoryState`): counters add, tracked stock goes down (untracked stock is
 * never recorded as a level), a buyer's order count goes up, the order id is remembered, a merge
 * group keeps its latest state (`MergeGroups`). Every step adds or keeps the later of two, so the
 * result does not depend on the order entries are replayed in.
 */
export class StateReplay {
  private readonly counters: Record<string, number>;
  private readonly stock: Record<string, Record<string, number>>;
  private readonly buyers: Record<string, number>;
  private readonly seen: Set<string>;
  private readonly merges: MergeGroups;

  constructor(from: PersistedState) {
    this.counters = { ...from.snapshot.counters };
    this.stock = Object.fromEntries(
      Object.entries(from.snapshot.stock).map(([wh, skus]) => [wh, { ...skus }]),
    );
    this.buyers = { ...from.snapshot.buyers };
    this.seen = new Set(from.seenOrders);
    this.merges = new MergeGroups(from.snapshot.merges);
  }

  apply(entry: ConsumptionEntry): void {
    for (const item of entry.consumed) {
      if (item.kind === 'counter') {
        this.counters[item.key] = (this.counters[item.key] ?? 0) + item.qty;
      } else if (item.kind === 'merge') {
        const group = { closesAt: Date.parse(item.closesAt), size: item.size };
        this.merges.record(item.group, group, Date.parse(item.at));
      } else {
        const levels = this.stock[item.warehouse];
        const onHand = levels?.[item.sku];
        if (levels && onHand !== undefined) levels[item.sku] = onHand - item.qty;
      }
    }
    if (entry.buyerId) this.buyers[entry.buyerId] = (this.buyers[entry.buyerId] ?? 0) + 1;
    this.seen.add(entry.orderId);
  }

  result(): PersistedState {
    const merges = this.merges.snapshot();
    const snapshot: StateSnapshot = {
      counters: this.counters,
      stock: this.stock,
      buyers: this.buyers,
      ...(merges ? { merges } : {}),
    };
    return { snapshot, seenOrders: [...this.seen].sort() };
  }
}

export const EMPTY_STATE: PersistedState = {
  snapshot: { counters: {}, stock: {}, buyers: {} },
  seenOrders: [],
};
