import type { MergeGroup, StateSnapshot, StrategyState } from '../../engine/state/index.ts';

/**
 * A state whose target can change between decisions. A pipeline is bound to its state when built,
 * and building one compiles every rule; pointing one pipeline at the live state or at a dry run's
 * view, decision by decision, spares a rebuild per dry run. Only switched between decisions.
 */
export class SwitchableState implements StrategyState {
  constructor(public target: StrategyState) {}

  counter(key: string): number {
    return this.target.counter(key);
  }
  counterFits(key: string, qty: number, cap: number): boolean {
    return this.target.counterFits(key, qty, cap);
  }
  takeFromCounter(key: string, qty: number, cap: number): boolean {
    return this.target.takeFromCounter(key, qty, cap);
  }
  stock(warehouse: string, sku: string): number | undefined {
    return this.target.stock(warehouse, sku);
  }
  reserveStock(warehouse: string, sku: string, qty: number): boolean {
    return this.target.reserveStock(warehouse, sku, qty);
  }
  buyerOrders(buyerId: string): number {
    return this.target.buyerOrders(buyerId);
  }
  recordBuyerOrder(buyerId: string): void {
    this.target.recordBuyerOrder(buyerId);
  }
  seenOrder(orderId: string): boolean {
    return this.target.seenOrder(orderId);
  }
  recordOrder(orderId: string): void {
    this.target.recordOrder(orderId);
  }
  mergeGroup(key: string, at: number): MergeGroup | undefined {
    return this.target.mergeGroup(key, at);
  }
  recordMergeGroup(key: string, group: MergeGroup, at: number): void {
    this.target.recordMergeGroup(key, group, at);
  }
  snapshot(): StateSnapshot {
    return this.target.snapshot();
  }
}
