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
 * Handling plus the cheapest freight a usable carrier (or the named one) charges. The client's
 * freight tables are priced by destination only, so freight differs between warehouses only in
 * which carriers can take the order; handling cost does the rest.
 */
export function shippingCost(w: Warehouse, step: RankStep, input: RankInput): number {
  const carriers = step.carrier
    ? input.client.carriers.filter((c) => c.id === step.carrier)
    : input.client.carriers;
  let best = Number.POSITIVE_INFINITY;
  for (const carrier of carriers) {
    if (input.order.type === 'cod' && !carrier.cod) continue;
    const cost = freightCost(carrier, input.destination, input.weightKg);
    if (cost !== undefined && cost < best) best = cost;
  }
  return w.handlingCost + best;
}

/** The listed preference order, then id: every rank mode ends on it, so ties are never left to chance. */
export function tieBreak(priority: readonly string[]): WarehouseOrder {
  const index = (w: Warehouse) => {
    const i = priority.indexOf(w.id);
    return i < 0 ? priority.length : i;
  };
  return (a, b) => index(a) - index(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const distanceTo =
  (destination: RegionCodes) =>
  (w: Warehouse): number =>
    regionDistance(warehouseLocation(w), destination);

/** Best first: the rank step's measure, then its tie-break. */
export function rankOrder(step: RankStep, input: RankInput): WarehouseOrder {
  const ties = tieBreak(step.priority);
  if (step.by === 'priority') return ties;
  const measure =
    step.by === 'nearest' ? distanceTo(input.destination) : (w: Warehouse) => shippingCost(w, step, input);
  const cache = new Map<string, number>();
  const of = (w: Warehouse) => {
    let m = cache.get(w.id);
    if (m === undefined) {
      m = measure(w);
      cache.set(w.id, m);
    }
    return m;
  };
  return (a, b) => {
    const d = of(a) - of(b);
    return Number.isNaN(d) || d === 0 ? ties(a, b) : d;
  };
}
