import { findSku } from '../client/client-index.ts';
import type { Client } from '../client/index.ts';
import type { StandardOrder } from '../order/schema.ts';
import type { Consumption, StrategyState } from '../state/index.ts';
import type { ShipLine } from './shipped-lines.ts';

export interface Shortage {
  sku: string;
  need: number;
  have: number;
}

/** Units on hand; untracked stock never runs out. */
export function available(state: StrategyState, warehouse: string, sku: string): number {
  return state.stock(warehouse, sku) ?? Number.POSITIVE_INFINITY;
}

/** Whether every line fits at the warehouse, and the shortages when it does not. */
export function stockFit(
  state: StrategyState,
  warehouse: string,
  lines: readonly ShipLine[],
): { fits: boolean; short: Shortage[] } {
  const short = lines
    .map(({ sku, qty }) => ({ sku, need: qty, have: available(state, warehouse, sku) }))
    .filter(({ need, have }) => have < need);
  return { fits: short.length === 0, short };
}

/** `stockFit(…).fits` without listing the shortages: routing asks it of every candidate warehouse. */
export function fitsAt(state: StrategyState, warehouse: string, lines: readonly ShipLine[]): boolean {
  for (const { sku, qty } of lines) if (available(state, warehouse, sku) < qty) return false;
  return true;
}

/**
 * Takes the lines from the warehouse's stock, as much as is there (a routed order ships and
 * consumes what it finds even when a strategy chose to ignore stock), and returns what it took
 * from tracked stock, for `decision.consumed`.
 */
export function takeStock(
  state: StrategyState,
  warehouse: string,
  lines: readonly ShipLine[],
): Consumption[] {
  const taken: Consumption[] = [];
  for (const { sku, qty } of lines) {
    const onHand = state.stock(warehouse, sku);
    if (onHand === undefined) continue;
    const n = Math.min(qty, Math.max(0, onHand));
    if (n > 0 && state.reserveStock(warehouse, sku, n)) taken.push({ kind: 'stock', warehouse, sku, qty: n });
  }
  return taken;
}

/** The first order line's unit weight for the SKU that gives one, else the client's, else 0. */
function unitWeightKg(sku: string, order: StandardOrder, client: Client | undefined): number {
  for (const line of order.lines) if (line.sku === sku && line.weightKg > 0) return line.weightKg;
  return findSku(client, sku)?.weightKg ?? 0;
}

/** Weight of the lines: the order line's unit weight where it gives one, else the client's SKU weight. */
export function linesWeightKg(
  lines: readonly ShipLine[],
  order: StandardOrder,
  client: Client | undefined,
): number {
  let kg = 0;
  for (const { sku, qty } of lines) kg += unitWeightKg(sku, order, client) * qty;
  return Math.round(kg * 1000) / 1000;
}
