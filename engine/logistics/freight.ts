import type { Carrier, FreightRate } from '../client/index.ts';
import { inAnyRegion, placeKey, type RegionCodes } from './region-codes.ts';

/** A carrier's terms for one place: whether it excludes the place, and the first rate that covers it. */
interface Terms {
  excluded: boolean;
  rate: FreightRate | undefined;
}

// Master data is read-only once loaded, and orders go to a few thousand places at most, so a
// carrier's terms are worked out once per place: routing prices every carrier for every order.
const termsCache = new WeakMap<Carrier, Map<string, Terms>>();

function termsFor(carrier: Carrier, destination: RegionCodes): Terms {
  let byPlace = termsCache.get(carrier);
  if (!byPlace) {
    byPlace = new Map();
    termsCache.set(carrier, byPlace);
  }
  const key = placeKey(destination);
  let terms = byPlace.get(key);
  if (!terms) {
    terms = { excluded: inAnyRegion(destination, carrier.excludes), rate: rateFor(carrier, destination) };
    byPlace.set(key, terms);
  }
  return terms;
}

/** Why a carrier cannot take a parcel to this place, or null when it can. */
export function carrierRefusal(carrier: Carrier, destination: RegionCodes): string | null {
  const { excluded, rate } = termsFor(carrier, destination);
  if (excluded) return `${carrier.id} does not deliver there (excluded area)`;
  // A carrier with a freight table delivers where its table has a rate; one without is not priced, only excluded.
  if (carrier.freight.length > 0 && rate === undefined) {
    return `${carrier.id} has no freight rate for that destination`;
  }
  return null;
}

function rateFor(carrier: Carrier, destination: RegionCodes): FreightRate | undefined {
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
  const { excluded, rate } = termsFor(carrier, destination);
  if (excluded || !rate) return undefined;
  return Math.round((rate.firstKg + extraKilograms(weightKg) * rate.extraKg) * 100) / 100;
}
