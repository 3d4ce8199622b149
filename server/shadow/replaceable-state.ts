import type { MergeGroup } from '../../engine/state/index.ts';
import { InMemoryState, type StateSnapshot, type StrategyState } from '../../engine/state/index.ts';

/**
 * A shadow's copy of the live state, which an OMS's `PUT …/state` replaces as it replaces live's:
 * counters, stock, buyers and merge groups start again from the new snapshot, and orders already seen
 * stay seen (as live's replace keeps them).
 */
export class ReplaceableState implements StrategyState {
  private values: InMemoryState;
  /** The first copy keeps the seen order ids: a snapshot does not carry them. */
  private readonly seen: InMemoryState;

  constructor(snapshot: StateSnapshot) {
    this.values = new InMemoryState(snapshot);
    this.seen = this.values;
  }

  replace(snapshot: StateSnapshot): void {
    this.values = new InMemoryState(snapshot);
  }

  counter(key: string): number {
    return this.values.counter(key);
  }

  counterFits(key: string, qty: number, cap: number): boolean {
    return this.values.counterFits(key, qty, cap);
  }

  takeFromCounter(key: string, qty: number, cap: number): boolean {
    return this.values.takeFromCounter(key, qty, cap);
  }

  stock(warehouse: string, sku: string): number | undefined {
    return this.values.stock(warehouse, sku);
  }

  reserveStock(warehouse: string, sku: string, qty: number): boolean {
    return this.values.reserveStock(warehouse, sku, qty);
  }

  buyerOrders(buyerId: string): number {
    return this.values.buyerOrders(buyerId);
  }

  recordBuyerOrder(buyerId: string): void {
    this.values.recordBuyerOrder(buyerId);
  }

  seenOrder(orderId: string): boolean {
    return this.seen.seenOrder(orderId);
  }

  recordOrder(orderId: string): void {
    this.seen.recordOrder(orderId);
  }

  mergeGroup(key: string, at: number): MergeGroup | undefined {
    return this.values.mergeGroup(key, at);
  }

  recordMergeGroup(key: string, group: MergeGroup, at: number): void {
    this.values.recordMergeGroup(key, group, at);
  }

  snapshot(): StateSnapshot {
    return this.values.snapshot();
  }
}
