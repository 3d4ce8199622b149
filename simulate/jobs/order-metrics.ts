import type { Client } from '../../engine/client/index.ts';
import { findSku } from '../../engine/client/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import { freightCost, linesWeightKg, type ShipLine, shippingLines } from '../../engine/logistics/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';

/**
 * What one decision costs and weighs, worked out where the order and the client's master data are
 * at hand (the decide worker), so the report can add it up without the orders.
 */
export interface OrderMetrics {
  /** Parcels this order adds: 0 when it joined an earlier order's merge group or has nowhere to ship from. */
  parcels: number;
  /** Freight from the carrier's table for each parcel; null when a parcel could not be priced. */
  freight: number | null;
  weightKg: number;
  giftUnits: number;
  /** Gifts at the SKU's list price in the master data (0 for a SKU it does not know). */
  giftCost: number;
  /** The decision time's hour, China time, `yyyy-mm-ddThh`: orders per warehouse per hour. */
  hour: string;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

export function orderMetrics(
  order: StandardOrder,
  decision: Decision,
  client: Client | undefined,
  decidedAt: Date,
): OrderMetrics {
  const giftUnits = decision.gifts.reduce((n, g) => n + g.qty, 0);
  const giftCost = decision.gifts.reduce((sum, g) => sum + (findSku(client, g.sku)?.price ?? 0) * g.qty, 0);
  const hour = new Date(decidedAt.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 13);
  const base = { giftUnits, giftCost: round(giftCost), hour };
  const parcelLines: ShipLine[][] =
    decision.parcels.length > 0
      ? decision.parcels.map((p) => p.lines)
      : decision.warehouse !== null
        ? [shippingLines(order, decision, client)]
        : [];
  const weights = parcelLines.map((lines) => linesWeightKg(lines, order, client));
  const weightKg = round(weights.reduce((a, b) => a + b, 0));
  // A joined order rides in the parcel its group's first order opened: no parcel, no freight of its own.
  if (decision.merge?.joined === true || parcelLines.length === 0) {
    return { ...base, parcels: 0, freight: 0, weightKg };
  }
  const carrier = client?.carriers.find((c) => c.id === decision.carrier);
  let freight: number | null = 0;
  for (const kg of weights) {
    const cost = carrier ? freightCost(carrier, order.receiver, kg) : undefined;
    freight = cost === undefined || freight === null ? null : freight + cost;
  }
  return {
    ...base,
    parcels: parcelLines.length,
    freight: freight === null ? null : round(freight),
    weightKg,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
