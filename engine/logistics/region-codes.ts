import type { Warehouse } from '../client/index.ts';
import { findRegion, isWithin, resolveAddress } from '../order/regions/index.ts';
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

/** True when the place lies in one of the regions; an unknown place lies in none. */
export function inAnyRegion(place: RegionCodes, regions: readonly string[]): boolean {
  const code = mostPreciseCode(place);
  if (!code) return false;
  return regions.some((region) => {
    const ancestor = regionCode(region);
    return ancestor !== null && isWithin(code, ancestor);
  });
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

/**
 * How far apart two places are on the region hierarchy: 0 same district, 1 same city, 2 same
 * province, 3 same macro-region (华东, 华南 …), 4 anywhere else or unknown.
 */
export function regionDistance(from: RegionCodes, to: RegionCodes): 0 | 1 | 2 | 3 | 4 {
  const same = (a: string | undefined, b: string | undefined) => Boolean(a) && a === b;
  if (same(from.districtCode, to.districtCode)) return 0;
  if (same(from.cityCode, to.cityCode)) return 1;
  if (same(from.provinceCode, to.provinceCode)) return 2;
  const a = from.provinceCode ? macroRegionOf(from.provinceCode) : undefined;
  const b = to.provinceCode ? macroRegionOf(to.provinceCode) : undefined;
  return a !== undefined && a === b ? 3 : 4;
}
