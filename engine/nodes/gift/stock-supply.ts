import type { Client } from '../../client/index.ts';
import type { Consumption, StrategyState } from '../../state/index.ts';

export interface SupplyContext {
  state: StrategyState;
  client: Client | undefined;
  /** The warehouse routing chose, when a stage that runs after routing asks; null before routing. */
  warehouse: string | null;
}

/**
 * Whether `qty` units of `sku` can ship, by one rule for the stages that run before routing
 * (gifts, substitution), when nobody knows yet which warehouse ships:
 * - a warehouse already chosen: that warehouse has them, or does not track the SKU;
 * - otherwise: some client warehouse that tracks the SKU has `qty` on hand, or no warehouse
 *   tracks it at all (untracked stock never runs out). A warehouse that does not track a SKU
 *   others track is taken not to carry it: a snapshot that counts 0 at one warehouse and says
 *   nothing of the rest means the SKU is out, not that the rest have endless supply.
 * Without a client no warehouse is known, so nothing counts as out of stock.
 */
export function canSupply(sku: string, qty: number, { state, client, warehouse }: SupplyContext): boolean {
  if (warehouse !== null) {
    const onHand = state.stock(warehouse, sku);
    return onHand === undefined || onHand >= qty;
  }
  let tracked = false;
  for (const { id } of client?.warehouses ?? []) {
    const onHand = state.stock(id, sku);
    if (onHand === undefined) continue;
    if (onHand >= qty) return true;
    tracked = true;
  }
  return !tracked;
}

/**
 * Takes `qty` units at the chosen warehouse, recording what it took. Before routing there is no
 * warehouse to take from: placing the order's lines, gifts among them (`effectiveLines`), is routing's job.
 * Call after `canSupply`, so the take cannot fail halfway through a decision.
 */
export function reserveAtChosen(
  sku: string,
  qty: number,
  { state, warehouse }: SupplyContext,
  consumed: Consumption[],
): void {
  if (warehouse === null || state.stock(warehouse, sku) === undefined) return;
  if (state.reserveStock(warehouse, sku, qty)) consumed.push({ kind: 'stock', warehouse, sku, qty });
}
