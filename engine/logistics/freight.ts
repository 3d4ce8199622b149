import type { Carrier, FreightRate } from '../client/index.ts';
import { keyInAnyRegion, placeKey, type RegionCodes, regionsDepth } from './region-codes.ts';

/** A carrier's terms for one place: whether it excludes the place, and the first rate that covers it. */
export interface Terms {
  excluded: boolean;
  rate: FreightRate | undefined;
}

/** A carrier's terms, worked out once per place its region lists tell apart. */
interface CarrierTerms {
  /** The leading characters of a place's key that its excluded areas and rates read (`regionsDepth`). */
  depth: number;
  byPlace: Map<number, Terms>;
}

// Master data is read-only once loaded, and routing and the carrier chain ask for a carrier's
// terms several times an order. They are kept per place as far as the carrier's lists read it
// (provinces, cities): a few dozen entries, under a number, where a table keyed by each district's
// code string was a cold lookup on a string to hash (2.6% of decide).
const termsCache = new WeakMap<Carrier, CarrierTerms>();

function carrierTerms(carrier: Carrier): CarrierTerms {
  let terms = termsCache.get(carrier);
  if (!terms) {
    let depth = regionsDepth(carrier.excludes);
    for (const rate of carrier.freight) depth = Math.max(depth, regionsDepth(rate.regions));
    terms = { depth, byPlace: new Map() };
    termsCache.set(carrier, terms);
  }
  return terms;
}

/**
 * What of a place's key a carrier's lists can read, as a number: its leading digits, at most
 * `depth` of them, after a 1 so that 05 and 5 differ. Region prefixes are all digits, so the rest
 * of a key never decides whether the place lies in one.
 */
function placeId(key: string, depth: number): number {
  let id = 1;
  for (let i = 0; i < depth && i < key.length; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    id = id * 10 + digit;
  }
  return id;
}

function termsFor(carrier: Carrier, destination: RegionCodes): Terms {
  const { depth, byPlace } = carrierTerms(carrier);
  const id = placeId(placeKey(destination), depth);
  let terms = byPlace.get(id);
  if (!terms) {
    const place = String(id).slice(1);
    terms = { excluded: keyInAnyRegion(place, carrier.excludes), rate: rateAt(carrier, place) };
    byPlace.set(id, terms);
  }
  return terms;
}

/** Why a carrier cannot take a parcel to this place, or null when it can. */
export function carrierRefusal(carrier: Carrier, destination: RegionCodes): string | null {
  return refusalUnder(carrier, termsFor(carrier, destination));
}

/** `carrierRefusal` from the carrier's terms at the place. */
export function refusalUnder(carrier: Carrier, { excluded, rate }: Terms): string | null {
  if (excluded) return `${carrier.id} does not deliver there (excluded area)`;
  // A carrier with a freight table delivers where its table has a rate; one without is not priced, only excluded.
  if (carrier.freight.length > 0 && rate === undefined) {
    return `${carrier.id} has no freight rate for that destination`;
  }
  return null;
}

/** The first rate, in table order, that covers the place (by its key): one without regions covers every place. */
function rateAt(carrier: Carrier, key: string): FreightRate | undefined {
  return carrier.freight.find((rate) => rate.regions.length === 0 || keyInAnyRegion(key, rate.regions));
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
  return chargeUnder(termsFor(carrier, destination), weightKg);
}

/** `freightCost` from the carrier's terms at the place. */
export function chargeUnder({ excluded, rate }: Terms, weightKg: number): number | undefined {
  if (excluded || !rate) return undefined;
  return Math.round((rate.firstKg + extraKilograms(weightKg) * rate.extraKg) * 100) / 100;
}

/**
 * Several carriers' terms at a place in one lookup, for the stages that price a fixed list of them
 * on every order (routing's cheapest rank, the carrier chain's cheapest mode): a lookup per carrier
 * and place cost 0.16 µs an order (of 13) in routing alone. Kept per place as far as the most
 * precise of their lists reads it; an entry holds each carrier's own terms, so the answers are theirs.
 */
export class FreightTable {
  private readonly depth: number;
  private readonly byPlace = new Map<number, readonly Terms[]>();

  /** `carriers` in the order `at` answers them. */
  constructor(private readonly carriers: readonly Carrier[]) {
    let depth = 0;
    for (const carrier of carriers) depth = Math.max(depth, carrierTerms(carrier).depth);
    this.depth = depth;
  }

  /** Each carrier's terms at the destination, in the table's carrier order. */
  at(destination: RegionCodes): readonly Terms[] {
    const id = placeId(placeKey(destination), this.depth);
    let terms = this.byPlace.get(id);
    if (terms === undefined) {
      terms = this.carriers.map((carrier) => termsFor(carrier, destination));
      this.byPlace.set(id, terms);
    }
    return terms;
  }
}
