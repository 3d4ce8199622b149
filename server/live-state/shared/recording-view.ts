import type { MergeGroup, StateSnapshot, StrategyState } from '../../../engine/state/index.ts';
import { formatMerge, type KnownStock, type StateCache } from './state-cache.ts';

/**
 * One decision's conversation with the state, in call order: every read with the answer it got (a
 * precondition) and every change. Flat `[op, a, b, c, d]` quintuples, as the commit script reads them.
 */
export interface Segment {
  orderId: string;
  ops: string[];
  /** Engine merge-group keys the ops name, by their index here (the script receives them as KEYS). */
  mergeKeys: string[];
}

const FIELD = '\u0000';
/** The stock hash field of a SKU at a warehouse. */
export const stockField = (warehouse: string, sku: string) => `${warehouse}${FIELD}${sku}`;

/**
 * The shared state as a pipeline reads it while deciding a chunk of orders: last known values, with
 * what the chunk's earlier decisions changed laid over them. Nothing here is final: each decision's
 * segment (closed by `recordOrder`, the last call of every decision) is committed with its reads as
 * preconditions, and a decision whose reads no longer hold is decided again.
 */
export class RecordingView implements StrategyState {
  private counters = new Map<string, number>();
  private stockLevels = new Map<string, KnownStock>();
  private buyers = new Map<string, number>();
  private seen = new Set<string>();
  private merges = new Map<string, MergeGroup>();
  private ops: string[] = [];
  private mergeKeys: string[] = [];
  private segments: Segment[] = [];

  /** While set (a dry run's turn), decisions do not close segments: the whole turn is one. */
  joined = false;

  constructor(private readonly cache: StateCache) {}

  /** The chunk's closed segments, in decision order; the overlay is dropped with them. */
  take(): Segment[] {
    const segments = this.segments;
    this.reset();
    return segments;
  }

  /** Everything read since the last `take`, as one segment (a dry run's decisions never close one). */
  takeOpen(orderId: string): Segment {
    const segment = { orderId, ops: this.ops, mergeKeys: this.mergeKeys };
    this.reset();
    return segment;
  }

  private reset(): void {
    this.counters = new Map();
    this.stockLevels = new Map();
    this.buyers = new Map();
    this.seen = new Set();
    this.merges = new Map();
    this.ops = [];
    this.mergeKeys = [];
    this.segments = [];
  }

  counter(key: string): number {
    const value = this.counters.get(key) ?? this.cache.counter(key);
    this.ops.push('cr', key, '', '', String(value));
    return value;
  }

  counterFits(key: string, qty: number, cap: number): boolean {
    const fits = (this.counters.get(key) ?? this.cache.counter(key)) + qty <= cap;
    this.ops.push('cf', key, String(qty), String(cap), fits ? '1' : '0');
    return fits;
  }

  takeFromCounter(key: string, qty: number, cap: number): boolean {
    const now = this.counters.get(key) ?? this.cache.counter(key);
    const fits = now + qty <= cap;
    this.ops.push('ct', key, String(qty), String(cap), fits ? '1' : '0');
    if (fits) this.counters.set(key, now + qty);
    return fits;
  }

  private level(field: string): number | undefined {
    const overlaid = this.stockLevels.get(field);
    return overlaid !== undefined ? (overlaid ?? undefined) : this.cache.stockOf(field);
  }

  stock(warehouse: string, sku: string): number | undefined {
    const field = stockField(warehouse, sku);
    const onHand = this.level(field);
    this.ops.push('sr', field, '', '', onHand === undefined ? '' : String(onHand));
    return onHand;
  }

  reserveStock(warehouse: string, sku: string, qty: number): boolean {
    const field = stockField(warehouse, sku);
    const onHand = this.level(field);
    const outcome = onHand === undefined ? 'u' : onHand >= qty ? '1' : '0';
    this.ops.push('st', field, String(qty), '', outcome);
    if (outcome === '1') this.stockLevels.set(field, onHand! - qty);
    return outcome !== '0';
  }

  buyerOrders(buyerId: string): number {
    const count = this.buyers.get(buyerId) ?? this.cache.buyerOrders(buyerId);
    this.ops.push('bo', buyerId, '', '', String(count));
    return count;
  }

  recordBuyerOrder(buyerId: string): void {
    if (!buyerId) return;
    this.buyers.set(buyerId, (this.buyers.get(buyerId) ?? this.cache.buyerOrders(buyerId)) + 1);
    this.ops.push('bi', buyerId, '', '', '');
  }

  seenOrder(orderId: string): boolean {
    const seen = this.seen.has(orderId) || this.cache.seen.has(orderId);
    this.ops.push('so', orderId, '', '', seen ? '1' : '0');
    return seen;
  }

  recordOrder(orderId: string): void {
    this.seen.add(orderId);
    this.ops.push('ro', orderId, '', '', '');
    if (this.joined) return;
    this.segments.push({ orderId, ops: this.ops, mergeKeys: this.mergeKeys });
    this.ops = [];
    this.mergeKeys = [];
  }

  mergeGroup(key: string, at: number): MergeGroup | undefined {
    const held = this.merges.get(key) ?? this.cache.mergeGroup(key);
    const open = held !== undefined && at < held.closesAt ? { ...held } : undefined;
    this.ops.push('mg', key, String(this.mergeIndex(key)), String(at), formatMerge(open));
    return open;
  }

  recordMergeGroup(key: string, group: MergeGroup, at: number): void {
    const held = this.merges.get(key) ?? this.cache.mergeGroup(key);
    const later =
      held === undefined ||
      group.closesAt > held.closesAt ||
      (group.closesAt === held.closesAt && group.size > held.size);
    if (later) this.merges.set(key, { ...group });
    this.ops.push('mr', key, String(this.mergeIndex(key)), formatMerge(group), String(at));
  }

  private mergeIndex(key: string): number {
    let index = this.mergeKeys.indexOf(key);
    if (index < 0) index = this.mergeKeys.push(key) - 1;
    return index;
  }

  snapshot(): StateSnapshot {
    throw new Error('a shared state is snapshotted from the store it lives in, not from a decision view');
  }
}
