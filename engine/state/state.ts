import { z } from 'zod';
import { emptyIdRecord, idRecord } from './id-record.ts';
import type { MergeGroup } from './merge-groups.ts';

/** An open merge group (合单) in a snapshot: orders matching its key join it until it closes. */
export const MergeGroupSnapshotSchema = z.object({
  /** When the group stops taking orders: its first order's pay time plus the merge node's window. */
  closesAt: z.iso.datetime({ offset: true }),
  /** Orders in the group so far. */
  size: z.number().int().positive(),
});

export type MergeGroupSnapshot = z.infer<typeof MergeGroupSnapshotSchema>;

/**
 * Counters, stock and buyer history as they stand between orders; simulation starts from one.
 * Every record is keyed by ids from orders and users, so each is an `idRecord`: any key survives
 * (`__proto__`, `constructor` …) and parses into an object with no prototype.
 */
export const StateSnapshotSchema = z.object({
  counters: idRecord(z.number().int().nonnegative()).default(emptyIdRecord),
  /** warehouse id → sku → units on hand. A SKU absent here is not tracked: it never runs out. */
  stock: idRecord(idRecord(z.number().int())).default(emptyIdRecord),
  /** buyer id → orders decided so far. */
  buyers: idRecord(z.number().int().nonnegative()).default(emptyIdRecord),
  /**
   * Open merge groups by group key (a hash of the match values, see engine/nodes/merge); absent when
   * none is open, so a snapshot of a pipeline without a merge stage reads as it always did.
   */
  merges: idRecord(MergeGroupSnapshotSchema).optional(),
});

export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

/** What one decision took from the state, recorded on the decision so it can be explained and undone. */
export const ConsumptionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counter'), key: z.string(), qty: z.number().int() }),
  z.object({ kind: z.literal('stock'), warehouse: z.string(), sku: z.string(), qty: z.number().int() }),
  /**
   * The order joined (or opened) merge group `group`, which now holds `size` orders and closes at
   * `closesAt`; `at` is the order's pay time. Undoing it is taking one off `size`.
   */
  z.object({
    kind: z.literal('merge'),
    group: z.string(),
    at: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    size: z.number().int().positive(),
  }),
]);

export type Consumption = z.infer<typeof ConsumptionSchema>;

/**
 * State that lives outside the rules. Orders consume it one at a time, in processing order, so
 * a cap of "the first 1000 orders" means the first 1000 decided. Synchronous on purpose: a
 * decision's consumption is applied in one step, never interleaved with another order's.
 */
export interface StrategyState {
  counter(key: string): number;
  /**
   * Whether `qty` more stays within `cap`. Rules ask this, not the count itself: a decision that
   * depends only on the answer stays valid while the count moves (what shared state checks at commit).
   */
  counterFits(key: string, qty: number, cap: number): boolean;
  /** Adds `qty` to the counter if it stays within `cap`; false, and nothing taken, otherwise. */
  takeFromCounter(key: string, qty: number, cap: number): boolean;
  /** Units on hand, or undefined when the SKU's stock is not tracked at that warehouse. */
  stock(warehouse: string, sku: string): number | undefined;
  /** Takes `qty` units if they are there (untracked stock always is); false, and nothing taken, otherwise. */
  reserveStock(warehouse: string, sku: string, qty: number): boolean;
  buyerOrders(buyerId: string): number;
  recordBuyerOrder(buyerId: string): void;
  /** True when an order with this source id was recorded before: platforms push the same order again. */
  seenOrder(orderId: string): boolean;
  recordOrder(orderId: string): void;
  /** The merge group open under `key` for an order paid at `at` (epoch ms), if one is: `at` before it closes. */
  mergeGroup(key: string, at: number): MergeGroup | undefined;
  /** Records a group as an order at `at` left it: opened (size 1) or joined (one more). */
  recordMergeGroup(key: string, group: MergeGroup, at: number): void;
  snapshot(): StateSnapshot;
}
