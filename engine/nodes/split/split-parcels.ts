import { clientIndex } from '../../client/client-index.ts';
import type { Client, Sku } from '../../client/index.ts';
import type { Decision } from '../../decision/decision.ts';
import type { OrderLine } from '../../order/schema.ts';
import { packByWeight, type Unit } from './pack-by-weight.ts';
import type { SplitParams } from './split.schema.ts';

export type Parcel = Decision['parcels'][number];
type ParcelLine = Parcel['lines'][number];
interface Draft {
  lines: ParcelLine[];
  /** Why the parcel is separate within its group; '' for the group's remaining lines. */
  cause: 'bulky' | 'weight' | '';
}

/** What deciding a line's parcel reads: the settings, and the client's catalogue by SKU code. */
interface SplitContext {
  params: SplitParams;
  catalogue: ReadonlyMap<string, Sku>;
}

const NO_CATALOGUE: ReadonlyMap<string, Sku> = new Map();

/**
 * The parcels `lines` ship in, warehouse left to routing. Presale lines form their own group;
 * within a group each big-item unit gets a parcel, accessories and gifts ride with the first,
 * and the rest fill parcels up to the weight limit. Reasons: `bulky`, `weight`, `regular`, and
 * for the presale group `presale`, `presale+bulky`, `presale+weight`.
 */
export function splitParcels(lines: readonly OrderLine[], params: SplitParams, client?: Client): Parcel[] {
  const context: SplitContext = { params, catalogue: client ? clientIndex(client).catalogue : NO_CATALOGUE };
  // Loops, not filter/flatMap/map with closures: this runs for every order a split node reaches.
  const parcels: Parcel[] = [];
  if (!params.presale) {
    for (const { lines: parcelLines, cause } of splitGroup(lines, context)) {
      parcels.push({ warehouse: null, lines: parcelLines, reason: cause || 'regular' });
    }
    return parcels;
  }
  const now: OrderLine[] = [];
  const later: OrderLine[] = [];
  for (const line of lines) (line.isPresale ? later : now).push(line);
  for (const { lines: parcelLines, cause } of splitGroup(now, context)) {
    parcels.push({ warehouse: null, lines: parcelLines, reason: cause || 'regular' });
  }
  for (const { lines: parcelLines, cause } of splitGroup(later, context)) {
    parcels.push({ warehouse: null, lines: parcelLines, reason: cause ? `presale+${cause}` : 'presale' });
  }
  return parcels;
}

function grams(line: OrderLine, { catalogue }: SplitContext): number {
  return Math.round((line.weightKg || catalogue.get(line.sku)?.weightKg || 0) * 1000);
}

function isBulky(line: OrderLine, context: SplitContext): boolean {
  const { bulky } = context.params;
  return (
    (bulky.fromCatalogue && context.catalogue.get(line.sku)?.bulky === true) ||
    bulky.skus.includes(line.sku) ||
    (bulky.overKgPerUnit !== undefined && grams(line, context) > bulky.overKgPerUnit * 1000)
  );
}

function ridesAlong(line: OrderLine, { params, catalogue }: SplitContext): boolean {
  const { accessories } = params;
  return (
    line.isGift ||
    accessories.skus.includes(line.sku) ||
    accessories.categories.includes(line.category || (catalogue.get(line.sku)?.category ?? ''))
  );
}

/**
 * The units packing weighs, as `Array.from({ length: qty })` counted them: a fractional qty (left
 * by a substitution ratio) rounds down here, while the big-item loop gives its last part a parcel.
 */
const wholeUnits = (qty: number) => Math.max(0, Math.trunc(qty));

function splitGroup(lines: readonly OrderLine[], context: SplitContext): Draft[] {
  const drafts: Draft[] = [];
  const riders: OrderLine[] = [];
  const rest: OrderLine[] = [];
  for (const line of lines) {
    if (isBulky(line, context)) {
      for (let u = 0; u < line.qty; u++) drafts.push({ lines: [{ sku: line.sku, qty: 1 }], cause: 'bulky' });
    } else {
      (ridesAlong(line, context) ? riders : rest).push(line);
    }
  }
  const firstBulky = drafts[0];
  if (firstBulky) for (const line of riders) add(firstBulky.lines, line.sku, line.qty);
  else rest.push(...riders);
  if (rest.length === 0) return drafts;
  const { maxParcelWeightG } = context.params;
  if (maxParcelWeightG === undefined) {
    return [...drafts, { lines: merged(rest.map((l) => ({ sku: l.sku, qty: l.qty }))), cause: '' }];
  }
  const weighed = rest.map((line) => ({ line, grams: grams(line, context), units: wholeUnits(line.qty) }));
  const single = oneParcel(weighed, maxParcelWeightG);
  if (single !== undefined) return single.length ? [...drafts, { lines: single, cause: '' }] : drafts;
  const units: Unit[] = [];
  for (const { line, grams: unitGrams, units: count } of weighed) {
    for (let u = count; u > 0; u--) units.push({ sku: line.sku, grams: unitGrams });
  }
  const packs = packByWeight(units, maxParcelWeightG);
  const cause: Draft['cause'] = packs.length > 1 ? 'weight' : '';
  return [
    ...drafts,
    ...packs.map((pack) => ({ lines: merged(pack.map((u) => ({ sku: u.sku, qty: 1 }))), cause })),
  ];
}

/**
 * The lines of the one parcel packing makes when every unit fits in it (no weight below 0, the
 * total within the limit), without packing unit by unit: units heaviest first, equal weights in
 * line order, merged by SKU in that order, as `packByWeight` and `merged` give them. Empty when
 * there is no whole unit (packing makes no parcel); undefined when it takes more than one parcel.
 */
function oneParcel(
  weighed: readonly { line: OrderLine; grams: number; units: number }[],
  maxGrams: number,
): ParcelLine[] | undefined {
  let total = 0;
  for (const { grams: g, units } of weighed) {
    if (g < 0) return undefined;
    total += g * units;
  }
  if (total > maxGrams) return undefined;
  const order = weighed.filter((w) => w.units > 0).sort((a, b) => b.grams - a.grams);
  const lines: ParcelLine[] = [];
  for (const { line, units } of order) add(lines, line.sku, units);
  return lines;
}

function add(lines: ParcelLine[], sku: string, qty: number): void {
  const same = lines.find((l) => l.sku === sku);
  if (same) same.qty += qty;
  else lines.push({ sku, qty });
}

/** Units and lines of one SKU in a parcel become one line, in first-seen order. */
function merged(items: readonly ParcelLine[]): ParcelLine[] {
  const lines: ParcelLine[] = [];
  for (const { sku, qty } of items) add(lines, sku, qty);
  return lines;
}
