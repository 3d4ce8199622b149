import type { Warehouse } from '../client/index.ts';
import { ancestorPrefix, findRegion, normaliseRegionCode, resolveAddress } from '../order/regions/index.ts';
import { macroRegionOf } from './macro-regions.ts';

/** A place as GB/T 2260 codes, as precise as known; an order's receiver is one. */
export interface RegionCodes {
  provinceCode?: string;
  cityCode?: string;
  districtCode?: string;
}

/** The most precise code known, or '' when the place is unknown. */
export function mostPreciseCode(codes: RegionCodes): string {
  return codes.districtCode || codes.cityCode || codes.provinceCode || '';
}

const regionCodeCache = new Map<string, string | null>();

/** A region list entry (a name or code) as its code; null when no region is called that. */
export function regionCode(nameOrCode: string): string | null {
  let code = regionCodeCache.get(nameOrCode);
  if (code === undefined) {
    code = findRegion(nameOrCode)?.code ?? null;
    regionCodeCache.set(nameOrCode, code);
  }
  return code;
}

const prefixCache = new Map<string, string | null>();

/** The code prefix a place in the region starts with (`isWithin`'s test), or null when no region is called that. */
function regionPrefix(region: string): string | null {
  let prefix = prefixCache.get(region);
  if (prefix === undefined) {
    const code = regionCode(region);
    prefix = code === null ? null : ancestorPrefix(code);
    prefixCache.set(region, prefix);
  }
  return prefix;
}

/**
 * All that region tests read of a place: its most precise code, normalised; '' for an unknown
 * place. Two places with one key lie in the same regions, so it can key a cache of answers.
 */
export function placeKey(place: RegionCodes): string {
  // Routing, freight and the carrier chain ask for one order's receiver many times in a row: the
  // last answer is kept, checked against the codes it was made from (an object may be reused).
  const { provinceCode, cityCode, districtCode } = place;
  if (
    place !== lastPlace ||
    provinceCode !== lastCodes.provinceCode ||
    cityCode !== lastCodes.cityCode ||
    districtCode !== lastCodes.districtCode
  ) {
    lastKey = normaliseRegionCode(districtCode || cityCode || provinceCode || '');
    lastPlace = place;
    lastCodes.provinceCode = provinceCode;
    lastCodes.cityCode = cityCode;
    lastCodes.districtCode = districtCode;
  }
  return lastKey;
}

let lastPlace: RegionCodes | undefined;
const lastCodes: RegionCodes = {};
let lastKey = '';

/**
 * How many leading characters of a `placeKey` the regions read: the longest prefix among them, 0
 * when none is known. Keys alike up to it lie in the same of these regions, so answers about a
 * place can be kept per province (or city) instead of per district.
 */
export function regionsDepth(regions: readonly string[]): number {
  let depth = 0;
  for (const region of regions) depth = Math.max(depth, regionPrefix(region)?.length ?? 0);
  return depth;
}

/**
 * True when the place lies in one of the regions; an unknown place lies in none. Routing and
 * freight ask this dozens of times an order, so each region's prefix is worked out once.
 */
export function inAnyRegion(place: RegionCodes, regions: readonly string[]): boolean {
  return keyInAnyRegion(placeKey(place), regions);
}

/** `inAnyRegion` for a place's `placeKey`, for callers testing one place against many lists. */
export function keyInAnyRegion(key: string, regions: readonly string[]): boolean {
  if (!key) return false;
  for (const region of regions) {
    const prefix = regionPrefix(region);
    if (prefix !== null && key.startsWith(prefix)) return true;
  }
  return false;
}

const locations = new WeakMap<Warehouse, RegionCodes>();

/** Where a warehouse stands, from the names (or codes) in the client's master data. */
export function warehouseLocation(warehouse: Warehouse): RegionCodes {
  let codes = locations.get(warehouse);
  if (!codes) {
    const { provinceCode, cityCode, districtCode } = resolveAddress(warehouse);
    codes = { provinceCode, cityCode, districtCode };
    locations.set(warehouse, codes);
  }
  return codes;
}

/** Rungs of the distance ladder, nearest first. */
export const REGION_DISTANCES = ['district', 'city', 'province', 'macroRegion', 'nationwide'] as const;

/** Both codes known and equal: an unknown code is never the same place as another. */
function same(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a) && a === b;
}

/**
 * How far apart two places are on the region hierarchy: 0 same district, 1 same city, 2 same
 * province, 3 same macro-region (华东, 华南 …), 4 anywhere else or unknown.
 */
export function regionDistance(from: RegionCodes, to: RegionCodes): 0 | 1 | 2 | 3 | 4 {
  if (same(from.districtCode, to.districtCode)) return 0;
  if (same(from.cityCode, to.cityCode)) return 1;
  if (same(from.provinceCode, to.provinceCode)) return 2;
  const a = from.provinceCode ? macroRegionOf(from.provinceCode) : undefined;
  const b = to.provinceCode ? macroRegionOf(to.provinceCode) : undefined;
  return a !== undefined && a === b ? 3 : 4;
}
