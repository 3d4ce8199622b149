import type { Client, Warehouse } from '../../client/index.ts';
import { freightCost, type RegionCodes, regionDistance, warehouseLocation } from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { RankStep } from './route-chain.schema.ts';

export interface RankInput {
  client: Client;
  order: StandardOrder;
  destination: RegionCodes;
  weightKg: number;
}

export type WarehouseOrder = (a: Warehouse, b: Warehouse) => number;

/**
 * The cheapest freight a usable carrier (or the named one) charges for the order. The client's
 * freight tables are priced by destination only, so it is the same from every warehouse and is
 * worked out once per order: warehouses differ only in handling cost.
 */
function cheapestFreight(step: RankStep, input: RankInput): number {
  let best = Number.POSITIVE_INFINITY;
  for (const carrier of input.client.carriers) {
    if (step.carrier && carrier.id !== step.carrier) continue;
    if (input.order.type === 'cod' && !carrier.cod) continue;
    const cost = freightCost(carrier, input.destination, input.weightKg);
    if (cost !== undefined && cost < best) best = cost;
  }
  return best;
}

/** The listed preference order, then id: every rank mode ends on it, so ties are never left to chance. */
export function tieBreak(priority: readonly string[]): WarehouseOrder {
  return (a, b) =>
    preference(priority, a) - preference(priority, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where the warehouse stands in the listed order; unlisted ones after every listed one. */
function preference(priority: readonly string[], w: Warehouse): number {
  const i = priority.indexOf(w.id);
  return i < 0 ? priority.length : i;
}

export const distanceTo =
  (destination: RegionCodes) =>
  (w: Warehouse): number =>
    regionDistance(warehouseLocation(w), destination);

/** Best first: the rank step's measure (handling plus freight, or distance), then its tie-break. */
export function rankOrder(step: RankStep, input: RankInput): WarehouseOrder {
  const ties = tieBreak(step.priority);
  if (step.by === 'priority') return ties;
  // Freight is priced on first use, so a chain that holds before its rank step never prices the order.
  let freight: number | undefined;
  const measure =
    step.by === 'nearest'
      ? distanceTo(input.destination)
      : (w: Warehouse) => {
          freight ??= cheapestFreight(step, input);
          return w.handlingCost + freight;
        };
  // Each warehouse measured once per order, however often the sort compares it.
  const measured = new Map<string, number>();
  return (a, b) => {
    const d = measureOnce(measured, measure, a) - measureOnce(measured, measure, b);
    return Number.isNaN(d) || d === 0 ? ties(a, b) : d;
  };
}

function measureOnce(measured: Map<string, number>, measure: (w: Warehouse) => number, w: Warehouse): number {
  let m = measured.get(w.id);
  if (m === undefined) {
    m = measure(w);
    measured.set(w.id, m);
  }
  return m;
}
