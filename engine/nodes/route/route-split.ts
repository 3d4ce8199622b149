import type { Warehouse } from '../../client/index.ts';
import { available, type ShipLine, type Shortage } from '../../logistics/index.ts';
import type { StrategyState } from '../../state/index.ts';

export interface PlannedParcel {
  warehouse: string;
  lines: ShipLine[];
}

export type SplitPlan = { ok: true; parcels: PlannedParcel[] } | { ok: false; short: Shortage[] };

/**
 * Splits the lines across warehouses, greedily: each parcel comes from the warehouse that can
 * ship the most of what is still unplaced (fewest parcels), ties going to the warehouse earlier
 * in `preferred` (nearest first). A line may be divided between warehouses. Plans only; the
 * caller takes the stock.
 */
export function planSplit(
  state: StrategyState,
  preferred: readonly Warehouse[],
  lines: readonly ShipLine[],
): SplitPlan {
  const remaining = new Map(lines.map(({ sku, qty }) => [sku, qty]));
  const unused = [...preferred];
  const parcels: PlannedParcel[] = [];
  const take = (w: Warehouse) =>
    [...remaining]
      .map(([sku, qty]) => ({ sku, qty: Math.min(qty, available(state, w.id, sku)) }))
      .filter((line) => line.qty > 0);
  const units = (taken: ShipLine[]) => taken.reduce((n, line) => n + line.qty, 0);

  while ([...remaining.values()].some((qty) => qty > 0)) {
    let best: { index: number; lines: ShipLine[]; units: number } | undefined;
    for (const [index, w] of unused.entries()) {
      const taken = take(w);
      const n = units(taken);
      if (n > (best?.units ?? 0)) best = { index, lines: taken, units: n };
    }
    if (!best) break;
    const [w] = unused.splice(best.index, 1);
    parcels.push({ warehouse: w!.id, lines: best.lines });
    for (const { sku, qty } of best.lines) remaining.set(sku, remaining.get(sku)! - qty);
  }

  const short = lines
    .filter(({ sku }) => remaining.get(sku)! > 0)
    .map(({ sku, qty }) => ({ sku, need: qty, have: qty - remaining.get(sku)! }));
  return short.length ? { ok: false, short } : { ok: true, parcels };
}
