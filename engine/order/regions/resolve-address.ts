import type { OrderIssue } from '../schema.ts';
import {
  cleanRegionText,
  findRegion,
  lookupRegion,
  PLACEHOLDER_CITIES,
  type Region,
  type RegionLevel,
  regionChildren,
} from './region-index.ts';

export interface AddressInput {
  province?: string;
  city?: string;
  district?: string;
}

export interface ResolvedAddress {
  province: string;
  city: string;
  district: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  issues: OrderIssue[];
}

type Part = 'province' | 'city' | 'district';
type Raw = Record<Part, string>;
interface Found {
  city?: Region | undefined;
  district?: Region | undefined;
}

/**
 * Resolves a receiver's province, city and district to GB/T 2260 names and codes, each within its
 * parent (朝阳区 of 北京 is not 朝阳区 of 长春). Never throws: what cannot be resolved keeps its raw
 * text, an empty code and an issue.
 */
export function resolveAddress(input: AddressInput): ResolvedAddress {
  const raw: Raw = {
    province: clean(input.province),
    city: clean(input.city),
    district: clean(input.district),
  };
  const issues: OrderIssue[] = [];
  const province = raw.province ? find(raw.province, 'province', '') : undefined;
  let found: Found = {};
  if (province) found = resolveBelow(province, raw, issues);
  else {
    issues.push(
      raw.province ? unknown('province', raw.province, 'is not a province of China') : missing('province'),
    );
    if (!raw.city) issues.push(missing('city'));
    if (!raw.district) issues.push(missing('district'));
  }
  return {
    province: province?.name ?? (input.province ?? '').trim(),
    city: found.city?.name ?? (input.city ?? '').trim(),
    district: found.district?.name ?? (input.district ?? '').trim(),
    provinceCode: province?.code ?? '',
    cityCode: found.city?.code ?? '',
    districtCode: found.district?.code ?? '',
    issues,
  };
}

function resolveBelow(province: Region, raw: Raw, issues: OrderIssue[]): Found {
  const city = raw.city ? find(raw.city, 'city', province.code) : undefined;
  if (city) {
    const district = raw.district ? lookupRegion(raw.district, 'district', city.code) : undefined;
    if (!district) issues.push(districtIssue(raw.district, district, city, province));
    return { city, district: district ?? undefined };
  }
  const cityNamesProvince =
    !raw.city || PLACEHOLDER_CITIES.has(raw.city) || find(raw.city, 'province', '') === province;
  if (!cityNamesProvince) {
    // Platforms put a 直辖市's district (上海 / 浦东新区) or a 省直辖县 (湖北 / 仙桃市) in the city field.
    const district = find(raw.city, 'district', province.code);
    if (district) return { city: parentOf(district), district };
    issues.push(unknown('city', raw.city, `is not a city of ${province.name}`));
    if (!raw.district) issues.push(missing('district'));
    return {};
  }
  // The city says only "the province" (上海市, 市辖区, 县): the district decides the city.
  const district = raw.district ? lookupRegion(raw.district, 'district', province.code) : undefined;
  if (district) return { city: parentOf(district), district };
  const cities = regionChildren(province.code);
  const only = cities.length === 1 ? cities[0] : undefined;
  if (!only) {
    issues.push(
      raw.city
        ? unknown('city', raw.city, `does not say which city of ${province.name} it is`)
        : missing('city'),
    );
  }
  issues.push(districtIssue(raw.district, district, only, province));
  return { city: only };
}

function parentOf(region: Region): Region | undefined {
  return region.parentCode ? findRegion(region.parentCode) : undefined;
}

function find(name: string, level: RegionLevel, within: string): Region | undefined {
  return lookupRegion(name, level, within) ?? undefined;
}

/** `lookup` is what looking the district up gave: null when the name fits more than one district. */
function districtIssue(
  rawDistrict: string,
  lookup: Region | null | undefined,
  city: Region | undefined,
  province: Region,
): OrderIssue {
  if (!rawDistrict) return missing('district');
  const where = city && !PLACEHOLDER_CITIES.has(city.name) ? `${city.name}, ${province.name}` : province.name;
  if (lookup === null) return unknown('district', rawDistrict, `fits more than one district of ${where}`);
  return unknown('district', rawDistrict, `is not a district of ${where}`);
}

function clean(text: string | undefined): string {
  return text ? cleanRegionText(text) : '';
}

function missing(part: Part): OrderIssue {
  return { code: 'region_missing', field: `receiver.${part}`, message: `The receiver's ${part} is missing` };
}

function unknown(part: Part, value: string, why: string): OrderIssue {
  return {
    code: 'region_unknown',
    field: `receiver.${part}`,
    message: `The receiver's ${part} "${value}" ${why}`,
  };
}
