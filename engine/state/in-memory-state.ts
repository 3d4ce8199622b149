import { idRecordFrom } from './id-record.ts';
import { type MergeGroup, MergeGroups } from './merge-groups.ts';
import { type StateSnapshot, StateSnapshotSchema, type StrategyState } from './state.ts';

/** The state in one process's memory: for the CLI, tests and simulation. */
export class InMemoryState implements StrategyState {
  private readonly counters: Map<string, number>;
  private readonly stockLevels: Map<string, Map<string, number>>;
  private readonly buyers: Map<string, number>;
  private readonly merges: MergeGroups;
  // Seen order ids stay out of the snapshot: they only ever grow, and a run checks duplicates among its own orders.
  private readonly orders = new Set<string>();
  /** The buyer last read or recorded and their count: an order's buyer is read (gift rules), then recorded. */
  private lastBuyer: string | undefined;
  private lastBuyerOrders = 0;
  private lastWarehouse: string | undefined;
  private lastLevels: Map<string, number> | undefined;

  constructor(snapshot: Partial<StateSnapshot> = {}) {
    const s = StateSnapshotSchema.parse(snapshot);
    this.counters = new Map(Object.entries(s.counters));
    this.stockLevels = new Map(
      Object.entries(s.stock).map(([wh, skus]) => [wh, new Map(Object.entries(skus))]),
    );
    this.buyers = new Map(Object.entries(s.buyers));
    this.merges = new MergeGroups(s.merges);
  }

  counter(key: string): number {
    return this.counters.get(key) ?? 0;
  }

  counterFits(key: string, qty: number, cap: number): boolean {
    return this.counter(key) + qty <= cap;
  }

  takeFromCounter(key: string, qty: number, cap: number): boolean {
    const next = this.counter(key) + qty;
    if (next > cap) return false;
    this.counters.set(key, next);
    return true;
  }

  stock(warehouse: string, sku: string): number | undefined {
    return this.levelsAt(warehouse)?.get(sku);
  }

  reserveStock(warehouse: string, sku: string, qty: number): boolean {
    const levels = this.levelsAt(warehouse);
    const onHand = levels?.get(sku);
    if (levels === undefined || onHand === undefined) return true;
    if (onHand < qty) return false;
    levels.set(sku, onHand - qty);
    return true;
  }

  /**
   * A warehouse's stock by SKU. Stages ask for one warehouse's SKUs in a row (26 stock reads an
   * order in the demo pipeline), so the last warehouse asked for is kept at hand.
   */
  private levelsAt(warehouse: string): Map<string, number> | undefined {
    if (warehouse !== this.lastWarehouse) {
      this.lastWarehouse = warehouse;
      this.lastLevels = this.stockLevels.get(warehouse);
    }
    return this.lastLevels;
  }

  buyerOrders(buyerId: string): number {
    if (buyerId !== this.lastBuyer) {
      this.lastBuyer = buyerId;
      this.lastBuyerOrders = this.buyers.get(buyerId) ?? 0;
    }
    return this.lastBuyerOrders;
  }

  /** One Map lookup where a get and a set were two: the count was read for this order already. */
  recordBuyerOrder(buyerId: string): void {
    if (!buyerId) return;
    const count = this.buyerOrders(buyerId) + 1;
    this.buyers.set(buyerId, count);
    this.lastBuyerOrders = count;
  }

  seenOrder(orderId: string): boolean {
    return this.orders.has(orderId);
  }

  recordOrder(orderId: string): void {
    this.orders.add(orderId);
  }

  mergeGroup(key: string, at: number): MergeGroup | undefined {
    return this.merges.open(key, at);
  }

  recordMergeGroup(key: string, group: MergeGroup, at: number): void {
    this.merges.record(key, group, at);
  }

  snapshot(): StateSnapshot {
    const sorted = <V>(m: Map<string, V>) =>
      idRecordFrom([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const merges = this.merges.snapshot();
    return {
      counters: sorted(this.counters),
      stock: sorted(new Map([...this.stockLevels].map(([wh, skus]) => [wh, sorted(skus)]))),
      buyers: sorted(this.buyers),
      ...(merges ? { merges } : {}),
    };
  }
}
