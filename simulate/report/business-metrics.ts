import { idRecordFrom } from '../../engine/state/id-record.ts';
import type { DecisionOutline } from '../decide/decision-outline.ts';
import type { OrderRecord } from '../jobs/order-record.ts';
import { type BusinessMetrics, BusinessMetricsSchema } from './business-schema.ts';

interface WarehouseLoad {
  orders: number;
  parcels: number;
  weightKg: number;
  byHour: Map<string, number>;
}

/**
 * Adds one pipeline's decisions up in business terms, a record at a time (the decision log is read
 * as a stream): memory holds one entry per warehouse and hour, per carrier, SKU and reason.
 */
export class BusinessTally {
  private decided = 0;
  private held = 0;
  private readonly holdReasons = new Map<string, number>();
  private freightTotal = 0;
  private readonly carriers = new Map<string, { parcels: number; cost: number }>();
  private unpricedParcels = 0;
  private parcels = 0;
  private splitOrders = 0;
  private mergedOrders = 0;
  private giftUnits = 0;
  private giftCost = 0;
  private readonly gifts = new Map<string, { units: number; cost: number }>();
  private readonly warehouses = new Map<string, WarehouseLoad>();

  add(record: OrderRecord): void {
    const { metrics } = record;
    const outline = record.outline as unknown as DecisionOutline;
    if (outline.status === 'failed' || metrics === null) return;
    this.decided++;
    if (outline.status === 'held') this.held++;
    for (const reason of new Set(outline.holds)) bump(this.holdReasons, reason, 1);
    this.parcels += metrics.parcels;
    if (outline.parcels.length > 1) this.splitOrders++;
    if (outline.merged) this.mergedOrders++;
    if (metrics.parcels > 0) {
      const carrier = outline.carrier ?? '(none)';
      const entry = this.carriers.get(carrier) ?? { parcels: 0, cost: 0 };
      entry.parcels += metrics.parcels;
      if (metrics.freight === null) this.unpricedParcels += metrics.parcels;
      else {
        entry.cost += metrics.freight;
        this.freightTotal += metrics.freight;
      }
      this.carriers.set(carrier, entry);
    }
    this.giftUnits += metrics.giftUnits;
    this.giftCost += metrics.giftCost;
    for (const gift of outline.gifts) {
      const entry = this.gifts.get(gift.sku) ?? { units: 0, cost: 0 };
      entry.units += gift.qty;
      this.gifts.set(gift.sku, entry);
    }
    if (outline.gifts.length === 1) this.gifts.get(outline.gifts[0]!.sku)!.cost += metrics.giftCost;
    else this.spreadGiftCost(outline, metrics.giftCost);
    this.addLoad(outline, metrics);
  }

  result(): BusinessMetrics {
    const rate = (n: number) => (this.decided > 0 ? n / this.decided : 0);
    return BusinessMetricsSchema.parse({
      decided: this.decided,
      held: this.held,
      holdRate: rate(this.held),
      holdRateByReason: idRecordFrom(
        sorted(this.holdReasons).map(([reason, orders]) => [reason, { orders, rate: rate(orders) }]),
      ),
      freight: {
        total: money(this.freightTotal),
        byCarrier: idRecordFrom(
          sorted(this.carriers).map(([id, c]) => [id, { parcels: c.parcels, cost: money(c.cost) }]),
        ),
        unpricedParcels: this.unpricedParcels,
      },
      parcels: { total: this.parcels, splitOrders: this.splitOrders, mergedOrders: this.mergedOrders },
      gifts: {
        units: this.giftUnits,
        cost: money(this.giftCost),
        bySku: idRecordFrom(
          sorted(this.gifts).map(([sku, g]) => [sku, { units: g.units, cost: money(g.cost) }]),
        ),
      },
      warehouses: idRecordFrom(
        sorted(this.warehouses).map(([id, w]) => [
          id,
          { orders: w.orders, parcels: w.parcels, weightKg: money(w.weightKg), peakHour: peak(w.byHour) },
        ]),
      ),
    });
  }

  /** An order with several gift SKUs: its cost shared out by units (the log keeps the order's total). */
  private spreadGiftCost(outline: DecisionOutline, cost: number): void {
    const units = outline.gifts.reduce((n, g) => n + g.qty, 0);
    if (units === 0) return;
    for (const gift of outline.gifts) this.gifts.get(gift.sku)!.cost += (cost * gift.qty) / units;
  }

  private addLoad(outline: DecisionOutline, metrics: NonNullable<OrderRecord['metrics']>): void {
    const shipFrom =
      outline.parcels.length > 0
        ? [...new Set(outline.parcels.map((p) => p.warehouse).filter((w): w is string => w !== null))]
        : outline.warehouse !== null
          ? [outline.warehouse]
          : [];
    for (const id of shipFrom) {
      let load = this.warehouses.get(id);
      if (!load) {
        load = { orders: 0, parcels: 0, weightKg: 0, byHour: new Map() };
        this.warehouses.set(id, load);
      }
      load.orders++;
      load.parcels +=
        outline.parcels.length > 0
          ? outline.parcels.filter((p) => p.warehouse === id).length
          : metrics.parcels;
      load.weightKg += metrics.weightKg / shipFrom.length;
      bump(load.byHour, metrics.hour, 1);
    }
  }
}

function bump(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The busiest hour; the earliest of equals, so the report is the same on every run. */
function peak(byHour: Map<string, number>): { hour: string; orders: number } | null {
  let best: { hour: string; orders: number } | null = null;
  for (const [hour, orders] of sorted(byHour)) if (!best || orders > best.orders) best = { hour, orders };
  return best;
}

function money(n: number): number {
  return Math.round(n * 100) / 100;
}
