import { PLACEHOLDER_CITIES, regionChildren } from '../../order/regions/index.ts';
import { shortNames } from '../../order/regions/short-names.ts';
import { defineFact } from './fact-provider.ts';

interface ProvinceName {
  code: string;
  /** A full provincial name (江苏省, 广西壮族自治区) counts wherever it appears. */
  standalone: boolean;
  /** Its cities and districts, full and short (南京市, 南京, 鼓楼区, 鼓楼): one must follow a name that is not standalone. */
  places: ReadonlySet<string>;
}

interface NameIndex {
  names: Map<string, ProvinceName>;
  /**
   * Every name by its first character's code, longest first: what can start at a position of the
   * text. By code, not by character: `text[at]` of a CJK text is a new string at every position.
   */
  byFirstChar: Map<number, string[]>;
  /** 1 at each UTF-16 code that starts some name: most positions of an address start none, and this says so without a Map lookup. */
  starts: Uint8Array;
}

let index: NameIndex | undefined;

const namesOf = (name: string) => [name, ...shortNames(name)];

function buildIndex(): NameIndex {
  const names = new Map<string, ProvinceName>();
  for (const province of regionChildren()) {
    // A municipality's full name is a prefix too: 上海市场 is a market, not Shanghai.
    const municipality = province.name.endsWith('市');
    const places = new Set<string>();
    for (const city of regionChildren(province.code)) {
      if (!PLACEHOLDER_CITIES.has(city.name)) for (const n of namesOf(city.name)) places.add(n);
      for (const district of regionChildren(city.code)) for (const n of namesOf(district.name)) places.add(n);
    }
    for (const name of namesOf(province.name)) {
      names.set(name, { code: province.code, standalone: !municipality && name === province.name, places });
    }
  }
  const byFirstChar = new Map<number, string[]>();
  for (const name of [...names.keys()].sort((a, b) => b.length - a.length)) {
    const list = byFirstChar.get(name.charCodeAt(0));
    if (list) list.push(name);
    else byFirstChar.set(name.charCodeAt(0), [name]);
  }
  const starts = new Uint8Array(0x1_0000);
  for (const code of byFirstChar.keys()) starts[code] = 1;
  return { names, byFirstChar, starts };
}

/** The longest name starting at `at`; names are tried at every position, so overlapping ones count (上海南路 holds 上海 and 海南). */
function nameAt(text: string, at: number, { byFirstChar, starts }: NameIndex): string | undefined {
  const code = text.charCodeAt(at);
  if (starts[code] === 0) return undefined;
  const candidates = byFirstChar.get(code);
  if (candidates === undefined) return undefined;
  for (const name of candidates) if (text.startsWith(name, at)) return name;
  return undefined;
}

function placeFollows(text: string, from: number, places: ReadonlySet<string>): boolean {
  for (let end = from + 2; end <= Math.min(text.length, from + 12); end++) {
    if (places.has(text.slice(from, end))) return true;
  }
  return false;
}

/** Printable ASCII and the CJK Unified Ideographs: NFKC leaves a text of only these as it is (a test checks each). */
const isNfkcStable = (code: number): boolean =>
  (code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);

/**
 * The address NFKC-normalised without whitespace. Most addresses are CJK ideographs and ASCII
 * digits, which NFKC leaves alone: those skip `normalize`, and `replace` when they have no space.
 */
export function compactAddress(address: string): string {
  let spaces = false;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (isNfkcStable(code)) continue;
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) spaces = true;
    else return address.normalize('NFKC').replace(/\s+/g, '');
  }
  return spaces ? address.replace(/\s+/g, '') : address;
}

/**
 * Whether the receiver's detail address names a province other than the receiver's own (a buyer
 * pasting an old address, a "double address"). Street names borrow province names everywhere
 * (上海的江苏路, 南京的北京东路, 上海的西藏南路), so a short name counts only when a city or
 * district of that province follows it (江苏南京, 广东深圳市); only a full provincial name
 * (江苏省, 内蒙古自治区) counts alone, and a municipality's (上海市) never does.
 */
export function namesOtherProvince(address: string, ownProvinceCode: string): boolean {
  if (!ownProvinceCode || !address) return false;
  index ??= buildIndex();
  const text = compactAddress(address);
  for (let at = 0; at < text.length; at++) {
    const name = nameAt(text, at, index);
    if (name === undefined) continue;
    const province = index.names.get(name)!;
    if (province.code === ownProvinceCode) continue;
    if (province.standalone || placeFollows(text, at + name.length, province.places)) return true;
  }
  return false;
}

export const addressOtherProvinceFact = defineFact({
  path: 'addressOtherProvince',
  type: 'boolean',
  label: { en: 'Address names another province', zh: '详细地址含其他省份' },
  compute: ({ order }) => namesOtherProvince(order.receiver.address, order.receiver.provinceCode),
});
