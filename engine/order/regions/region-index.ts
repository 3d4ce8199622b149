import divisions from './divisions.json' with { type: 'json' };
import { shortNames } from './short-names.ts';

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode?: string;
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

interface NameEntry {
  region: Region;
  alias: boolean;
}

interface RegionIndex {
  byCode: Map<string, Region>;
  byName: Map<string, NameEntry[]>;
  children: Map<string, Region[]>;
}

/** Province, city, district, and the towns that stand in for districts in 东莞, 中山, 儋州, 嘉峪关. */
const CODE_LENGTHS: ReadonlySet<number> = new Set([2, 4, 6, 9]);
const LEVELS: readonly RegionLevel[] = ['province', 'city', 'district'];

/** GB/T 2260 "cities" that stand for the rest of a province; no platform or person calls a place that. */
export const PLACEHOLDER_CITIES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

let index: RegionIndex | undefined;

function regionIndex(): RegionIndex {
  index ??= buildIndex(divisions as Division[]);
  return index;
}

function buildIndex(tree: Division[]): RegionIndex {
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  const entries: (NameEntry & { name: string })[] = [];
  const visit = (nodes: Division[], depth: number, parentCode?: string): void => {
    const siblings: Region[] = [];
    for (const node of nodes) {
      const level = LEVELS[depth]!;
      const region: Region = Object.freeze(
        parentCode
          ? { code: node.code, name: node.name, level, parentCode }
          : { code: node.code, name: node.name, level },
      );
      byCode.set(region.code, region);
      siblings.push(region);
      entries.push({ name: node.name, region, alias: false });
      if (!PLACEHOLDER_CITIES.has(node.name)) {
        for (const name of shortNames(node.name)) entries.push({ name, region, alias: true });
      }
      if (node.children && depth < LEVELS.length - 1) visit(node.children, depth + 1, node.code);
    }
    children.set(parentCode ?? '', siblings);
  };
  visit(tree, 0);
  // Higher levels first, full names before short forms, then by code: the first match is the best guess.
  const rank = (e: NameEntry) => LEVELS.indexOf(e.region.level) * 2 + (e.alias ? 1 : 0);
  entries.sort((a, b) => rank(a) - rank(b) || (a.region.code < b.region.code ? -1 : 1));
  const byName = new Map<string, NameEntry[]>();
  for (const { name, region, alias } of entries) {
    const list = byName.get(name);
    if (list) list.push({ region, alias });
    else byName.set(name, [{ region, alias }]);
  }
  return { byCode, byName, children };
}

export function cleanRegionText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** 330000 → 33 and 330100 → 3301: the padded six-digit form is common in spreadsheets and other systems. */
export function normaliseRegionCode(code: string): string {
  const c = code.trim();
  if (c.length !== 6) return c;
  if (c.endsWith('0000')) return c.slice(0, 2);
  if (c.endsWith('00')) return c.slice(0, 4);
  return c;
}

/**
 * A province, city or district by code or by name (full or short). A name used at several places
 * (朝阳区 is in 北京 and in 长春) gives the highest level, then the lowest code; pass `within`
 * (an ancestor code) to choose, or use `resolveAddress` for whole addresses.
 */
export function findRegion(nameOrCode: string, within?: string): Region | undefined {
  const key = cleanRegionText(nameOrCode);
  if (/^\d+$/.test(key)) {
    const region = regionIndex().byCode.get(normaliseRegionCode(key));
    return region && (within === undefined || isWithin(region.code, within)) ? region : undefined;
  }
  for (const { region } of regionIndex().byName.get(key) ?? []) {
    if (within === undefined ? !PLACEHOLDER_CITIES.has(region.name) : isWithin(region.code, within))
      return region;
  }
  return undefined;
}

/**
 * The one region of `level` under `within` called `name`, else the one its short form names (a
 * county since made a city: 某县 → 某市). undefined when there is none, null when there are several.
 */
export function lookupRegion(name: string, level: RegionLevel, within: string): Region | null | undefined {
  const key = cleanRegionText(name);
  const exact = lookupExact(key, level, within);
  if (exact !== undefined) return exact;
  for (const short of shortNames(key)) {
    const region = lookupExact(short, level, within);
    if (region !== undefined) return region;
  }
  return undefined;
}

/** undefined: no such name here; null: more than one. */
function lookupExact(key: string, level: RegionLevel, within: string): Region | null | undefined {
  let found: NameEntry | undefined;
  for (const entry of regionIndex().byName.get(key) ?? []) {
    if (entry.region.level !== level || !entry.region.code.startsWith(within)) continue;
    if (!found) found = entry;
    else if (found.alias === entry.alias) return null;
    else break;
  }
  return found?.region;
}

/**
 * What `isWithin` compares codes against: the normalised code, or null when it is no region code.
 * Callers testing many places against one region keep it, instead of re-checking per place.
 */
export function ancestorPrefix(ancestorCode: string): string | null {
  const ancestor = normaliseRegionCode(ancestorCode);
  return CODE_LENGTHS.has(ancestor.length) && /^\d+$/.test(ancestor) ? ancestor : null;
}

/** True when `code` is `ancestorCode` or lies inside it (GB/T 2260 codes nest by prefix). */
export function isWithin(code: string, ancestorCode: string): boolean {
  const ancestor = ancestorPrefix(ancestorCode);
  return ancestor !== null && normaliseRegionCode(code).startsWith(ancestor);
}

/** Province → city → … → the region itself; empty for an unknown code. */
export function regionPath(code: string): Region[] {
  const { byCode } = regionIndex();
  const path: Region[] = [];
  for (
    let r = byCode.get(normaliseRegionCode(code));
    r;
    r = r.parentCode ? byCode.get(r.parentCode) : undefined
  ) {
    path.unshift(r);
  }
  return path;
}

/** The provinces (no code) or the children of a province or city, in code order. */
export function regionChildren(code?: string): readonly Region[] {
  return regionIndex().children.get(code === undefined ? '' : normaliseRegionCode(code)) ?? [];
}
