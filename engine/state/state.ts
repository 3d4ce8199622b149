import { z } from 'zod';

/** Counters, stock and buyer history as they stand between orders; simulation starts from one. */
export const StateSnapshotSchema = z.object({
  counters: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** warehouse id → sku → units on hand. A SKU absent here is not tracked: it never runs out. */
  stock: z.record(z.string(), z.record(z.string(), z.number().int())).default({}),
  /** buyer id → orders decided so far. */
  buyers: z.record(z.string(), z.number().int().nonnegative()).default({}),
});

export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

/** What one decision took from the state, recorded on the decision so it can be explained and undone. */
export const ConsumptionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counter'), key: z.string(), qty: z.number().int() }),
  z.object({ kind: z.literal('stock'), warehouse: z.string(), sku: z.string(), qty: z.number().int() }),
]);

export type Consumption = z.infer<typeof ConsumptionSchema>;

/**
 * State that lives outside the rules. Orders consume it one at a time, in processing order, so
 * a cap of "the first 1000 orders" means the first 1000 decided. Synchronous on purpose: a
 * decision's consumption is applied in one step, never interleaved with another order's.
 */
export interface StrategyState {
  counter(key: string): number;
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
  snapshot(): StateSnapshot;
}
