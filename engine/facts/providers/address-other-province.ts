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
   * Names by first character, longest first: what can start at a position of the text. By code, not
   * by character: `text[at]` of a CJK text is a new string at every position.
   */
  lists: string[][];
  /**
   * At each UTF-16 code, 1 + the place in `lists` of the names starting with it, 0 when none does
   * (most positions of an address): one array read finds the list, no Map lookup. The provinces'
   * names start with 26 characters, so a byte holds it.
   */
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
  const lists: string[][] = [];
  const starts = new Uint8Array(0x1_0000);
  for (const name of [...names.keys()].sort((a, b) => b.length - a.length)) {
    const code = name.charCodeAt(0);
    if (starts[code] === 0) starts[code] = lists.push([]);
    lists[starts[code]! - 1]!.push(name);
  }
  return { names, lists, starts };
}

/** The longest name starting at `at`; names are tried at every position, so overlapping ones count (上海南路 holds 上海 and 海南). */
function nameAt(text: string, at: number, { lists, starts }: NameIndex): string | undefined {
  const list = starts[text.charCodeAt(at)]!;
  if (list === 0) return undefined;
  for (const name of lists[list - 1]!) if (text.startsWith(name, at)) return name;
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

/** Whether a name that starts at `at` is another province's, counting as the doc of `namesOtherProvince` says. */
function namesOtherAt(text: string, at: number, ownProvinceCode: string, index: NameIndex): boolean {
  const name = nameAt(text, at, index);
  if (name === undefined) return false;
  const province = index.names.get(name)!;
  if (province.code === ownProvinceCode) return false;
  return province.standalone || placeFollows(text, at + name.length, province.places);
}

/** Whether a compacted address names another province: each position that starts a name tried. */
function compactNamesOther(text: string, ownProvinceCode: string, index: NameIndex): boolean {
  for (let at = 0; at < text.length; at++) {
    if (index.starts[text.charCodeAt(at)] !== 0 && namesOtherAt(text, at, ownProvinceCode, index))
      return true;
  }
  return false;
}

function isCompactFrom(address: string, from: number): boolean {
  for (let i = from; i < address.length; i++) if (!isNfkcStable(address.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether the receiver's detail address names a province other than the receiver's own (a buyer
 * pasting an old address, a "double address"). Street names borrow province names everywhere
 * (上海的江苏路, 南京的北京东路, 上海的西藏南路), so a short name counts only when a city or
 * district of that province follows it (江苏南京, 广东深圳市); only a full provincial name
 * (江苏省, 内蒙古自治区) counts alone, and a municipality's (上海市) never does.
 *
 * The answer is the compacted address's. Most addresses are their own compact form (ideographs and
 * digits, no space): those are scanned once as they are, each character checked as it is read,
 * where a pass to check them and a pass to scan were two (in the demo pipeline the second pass was
 * a fifth of this fact's time, profiled); any other address is compacted first, then scanned.
 */
export function namesOtherProvince(address: string, ownProvinceCode: string): boolean {
  if (!ownProvinceCode || !address) return false;
  index ??= buildIndex();
  for (let at = 0; at < address.length; at++) {
    const code = address.charCodeAt(at);
    if (!isNfkcStable(code)) return compactNamesOther(compactAddress(address), ownProvinceCode, index);
    if (index.starts[code] !== 0 && namesOtherAt(address, at, ownProvinceCode, index)) {
      // Found in the address as it is: the answer if the rest is compact too.
      return (
        isCompactFrom(address, at + 1) || compactNamesOther(compactAddress(address), ownProvinceCode, index)
      );
    }
  }
  return false;
}

export const addressOtherProvinceFact = defineFact({
  path: 'addressOtherProvince',
  type: 'boolean',
  label: { en: 'Address names another province', zh: '详细地址含其他省份' },
  compute: ({ order }) => namesOtherProvince(order.receiver.address, order.receiver.provinceCode),
});
