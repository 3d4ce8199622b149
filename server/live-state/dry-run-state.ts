import {
  InMemoryState,
  idRecordFrom,
  type MergeGroup,
  type StateSnapshot,
  type StrategyState,
} from '../../engine/state/index.ts';

/**
 * The live state as a dry run sees it: every read includes what the dry run itself took, and
 * nothing it takes reaches the live state. So trying a pipeline out on the real stock and caps
 * never uses them up.
 */
export class DryRunState implements StrategyState {
  private readonly taken = new InMemoryState();
  private readonly seen = new Set<string>();

  constructor(private readonly live: StrategyState) {}

  counter(key: string): number {
    return this.live.counter(key) + this.taken.counter(key);
  }

  counterFits(key: string, qty: number, cap: number): boolean {
    return this.counter(key) + qty <= cap;
  }

  takeFromCounter(key: string, qty: number, cap: number): boolean {
    if (this.counter(key) + qty > cap) return false;
    return this.taken.takeFromCounter(key, qty, Number.POSITIVE_INFINITY);
  }

  stock(warehouse: string, sku: string): number | undefined {
    const onHand = this.live.stock(warehouse, sku);
    return onHand === undefined ? undefined : onHand - this.taken.counter(stockKey(warehouse, sku));
  }

  reserveStock(warehouse: string, sku: string, qty: number): boolean {
    const onHand = this.stock(warehouse, sku);
    if (onHand === undefined) return true;
    if (onHand < qty) return false;
    return this.taken.takeFromCounter(stockKey(warehouse, sku), qty, Number.POSITIVE_INFINITY);
  }

  buyerOrders(buyerId: string): number {
    return this.live.buyerOrders(buyerId) + this.taken.buyerOrders(buyerId);
  }

  recordBuyerOrder(buyerId: string): void {
    this.taken.recordBuyerOrder(buyerId);
  }

  seenOrder(orderId: string): boolean {
    return this.live.seenOrder(orderId) || this.seen.has(orderId);
  }

  recordOrder(orderId: string): void {
    this.seen.add(orderId);
  }

  // A group the dry run opened or joined is always the later state of its key than the live one.
  mergeGroup(key: string, at: number): MergeGroup | undefined {
    return this.taken.mergeGroup(key, at) ?? this.live.mergeGroup(key, at);
  }

  recordMergeGroup(key: string, group: MergeGroup, at: number): void {
    this.taken.recordMergeGroup(key, group, at);
  }

  snapshot(): StateSnapshot {
    // Maps while adding up: the keys are ids from orders (a buyer `constructor`, a SKU `__proto__`).
    const live = this.live.snapshot();
    const taken = this.taken.snapshot();
    const counters = new Map(Object.entries(live.counters));
    for (const [key, qty] of Object.entries(taken.counters)) {
      if (!key.startsWith(STOCK_PREFIX)) counters.set(key, (counters.get(key) ?? 0) + qty);
    }
    const stock = Object.entries(live.stock).map(
      ([wh, skus]) =>
        [wh, idRecordFrom(Object.keys(skus).map((sku) => [sku, this.stock(wh, sku) ?? 0] as const))] as const,
    );
    const buyers = new Map(Object.entries(live.buyers));
    for (const [id, n] of Object.entries(taken.buyers)) buyers.set(id, (buyers.get(id) ?? 0) + n);
    const merges =
      live.merges || taken.merges
        ? idRecordFrom([...Object.entries(live.merges ?? {}), ...Object.entries(taken.merges ?? {})])
        : undefined;
    return {
      counters: idRecordFrom(counters),
      stock: idRecordFrom(stock),
      buyers: idRecordFrom(buyers),
      ...(merges ? { merges } : {}),
    };
  }
}

// Stock taken is tallied as counters under a prefix no counter key of the engine uses.
const STOCK_PREFIX = '\u0000stock\u0000';
const stockKey = (warehouse: string, sku: string) => `${STOCK_PREFIX}${warehouse}\u0000${sku}`;
