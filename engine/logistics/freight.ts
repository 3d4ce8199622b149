import type { Carrier } from '../client/index.ts';
import { inAnyRegion, type RegionCodes } from './region-codes.ts';

/** Why a carrier cannot take a parcel to this place, or null when it can. */
export function carrierRefusal(carrier: Carrier, destination: RegionCodes): string | null {
  if (inAnyRegion(destination, carrier.excludes))
    return `${carrier.id} does not deliver there (excluded area)`;
  // A carrier with a freight table delivers where its table has a rate; one without is not priced, only excluded.
  if (carrier.freight.length > 0 && rateFor(carrier, destination) === undefined) {
    return `${carrier.id} has no freight rate for that destination`;
  }
  return null;
}

function rateFor(carrier: Carrier, destination: RegionCodes) {
  return carrier.freight.find((rate) => rate.regions.length === 0 || inAnyRegion(destination, rate.regions));
}

/** Started kilograms beyond the first; rounding to grams first keeps 2.0000000001 kg at one extra. */
function extraKilograms(weightKg: number): number {
  const grams = Math.round(Math.max(0, weightKg - 1) * 1000);
  return Math.ceil(grams / 1000);
}

/**
 * What the carrier charges to take `weightKg` to the destination: the first rate (in table order)
 * whose regions hold it, first kilogram plus each started extra kilogram. Undefined when the
 * carrier excludes the destination or no rate covers it.
 */
export function freightCost(
  carrier: Carrier,
  destination: RegionCodes,
  weightKg: number,
): number | undefined {
  if (inAnyRegion(destination, carrier.excludes)) return undefined;
  const rate = rateFor(carrier, destination);
  if (!rate) return undefined;
  return Math.round((rate.firstKg + extraKilograms(weightKg) * rate.extraKg) * 100) / 100;
}
