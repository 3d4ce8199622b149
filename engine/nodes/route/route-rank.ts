import type { Client, Warehouse } from '../../client/index.ts';
import {
  chargeUnder,
  FreightTable,
  type RegionCodes,
  regionDistance,
  type Shipment,
  warehouseLocation,
} from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { RankStep } from './route-chain.schema.ts';

/**
 * The carriers a cheapest rank prices with, as one freight table each: every client carrier, or
 * only the one the step names; for a COD order, only those of them that take COD.
 */
export interface RankFreight {
  prepaid: FreightTable;
  cod: FreightTable;
}

export function rankFreight(step: RankStep, client: Client): RankFreight {
  const usable = client.carriers.filter((carrier) => !step.carrier || carrier.id === step.carrier);
  return {
    prepaid: new FreightTable(usable),
    cod: new FreightTable(usable.filter((carrier) => carrier.cod)),
  };
}

/**
 * What a rank step measures warehouses by, for one order: handling plus freight, distance, or
 * nothing (`priority`, where the tie-break is the whole ranking). Freight is priced on first use, so
 * a chain that holds before its rank step never prices the order; the shipment's weight too is only
 * worked out then. One object per order: no comparator or measure closures.
 */
export class RankMeasure {
  private freight: number | undefined;

  /** `carriers`: the step's `rankFreight`, which a step ranking by cost needs. */
  constructor(
    private readonly step: RankStep,
    private readonly order: StandardOrder,
    private readonly shipment: Shipment,
    private readonly carriers: RankFreight | undefined,
  ) {}

  /** The warehouse's measure; lower is better. NaN-safe comparison is `compare`'s job. */
  of(w: Warehouse): number {
    if (this.step.by === 'priority') return 0;
    if (this.step.by === 'nearest') return regionDistance(warehouseLocation(w), this.order.receiver);
    this.freight ??= cheapestFreight(
      this.order.type === 'cod' ? this.carriers!.cod : this.carriers!.prepaid,
      this.order.receiver,
      this.shipment.weightKg,
    );
    return w.handlingCost + this.freight;
  }

  /**
   * Best first: the measure (`ma`, `mb`: `of(a)`, `of(b)`), then the tie-break; a difference that is
   * 0 or NaN (two unpriced warehouses) is a tie.
   */
  compare(a: Warehouse, ma: number, b: Warehouse, mb: number): number {
    if (this.step.by !== 'priority') {
      const d = ma - mb;
      if (!Number.isNaN(d) && d !== 0) return d;
    }
    return tieBreak(this.step.priority, a, b);
  }

  /**
   * What a stable sort would put first: the earliest of the warehouses no other orders before. One
   * pass, each warehouse measured once; the order is total (every rank mode ends on the id). A lone
   * warehouse is not measured: the order is not priced for nothing (a quarter of the demo's ranks).
   */
  first(warehouses: readonly Warehouse[]): Warehouse {
    let best = warehouses[0]!;
    if (warehouses.length === 1) return best;
    const measured = this.step.by !== 'priority';
    let bestM = measured ? this.of(best) : 0;
    for (let i = 1; i < warehouses.length; i++) {
      const w = warehouses[i]!;
      const m = measured ? this.of(w) : 0;
      if (this.compare(w, m, best, bestM) < 0) {
        best = w;
        bestM = m;
      }
    }
    return best;
  }
}

/**
 * The cheapest freight a usable carrier charges for the order. The client's freight tables are
 * priced by destination only, so it is the same from every warehouse and is worked out once per
 * order: warehouses differ only in handling cost.
 */
function cheapestFreight(usable: FreightTable, destination: RegionCodes, weightKg: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const terms of usable.at(destination)) {
    const cost = chargeUnder(terms, weightKg);
    if (cost !== undefined && cost < best) best = cost;
  }
  return best;
}

/** The listed preference order, then id: every rank mode ends on it, so ties are never left to chance. */
function tieBreak(priority: readonly string[], a: Warehouse, b: Warehouse): number {
  return preference(priority, a) - preference(priority, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where the warehouse stands in the listed order; unlisted ones after every listed one. */
function preference(priority: readonly string[], w: Warehouse): number {
  const i = priority.indexOf(w.id);
  return i < 0 ? priority.length : i;
}

/** How far the warehouse is from the destination on the region ladder (0 same district … 4). */
export const distance = (w: Warehouse, destination: RegionCodes): number =>
  regionDistance(warehouseLocation(w), destination);
