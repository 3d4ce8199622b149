import { clientIndex } from '../../client/client-index.ts';
import type { Client, Sku } from '../../client/index.ts';
import type { Decision } from '../../decision/decision.ts';
import type { OrderLine } from '../../order/schema.ts';
import { packByWeight, type Unit } from './pack-by-weight.ts';
import type { SplitParams } from './split.schema.ts';

export type Parcel = Decision['parcels'][number];
type ParcelLine = Parcel['lines'][number];
/** What deciding a line's parcel reads: the settings, and the client's catalogue by SKU code. */
interface SplitContext {
  params: SplitParams;
  catalogue: ReadonlyMap<string, Sku>;
}

const NO_CATALOGUE: ReadonlyMap<string, Sku> = new Map();

/**
 * A parcel's reason, for a group of presale lines or not, by why it is separate within its group:
 * a big item, the weight limit, or '' for the group's remaining lines.
 */
const REASONS = {
  now: { bulky: 'bulky', weight: 'weight', '': 'regular' },
  presale: { bulky: 'presale+bulky', weight: 'presale+weight', '': 'presale' },
} as const;

type Reasons = (typeof REASONS)[keyof typeof REASONS];

/**
 * The parcels `lines` ship in, warehouse left to routing. Presale lines form their own group;
 * within a group each big-item unit gets a parcel, accessories and gifts ride with the first,
 * and the rest fill parcels up to the weight limit. Reasons: `bulky`, `weight`, `regular`, and
 * for the presale group `presale`, `presale+bulky`, `presale+weight`.
 */
export function splitParcels(lines: readonly OrderLine[], params: SplitParams, client?: Client): Parcel[] {
  const context: SplitContext = { params, catalogue: client ? clientIndex(client).catalogue : NO_CATALOGUE };
  // Loops, not filter/flatMap/map with closures, and parcels made in place rather than from
  // drafts: this runs for every order a split node reaches.
  const parcels: Parcel[] = [];
  if (!params.presale) {
    splitGroup(lines, context, REASONS.now, parcels);
    return parcels;
  }
  const now: OrderLine[] = [];
  let later: OrderLine[] | undefined;
  for (const line of lines) {
    if (!line.isPresale) now.push(line);
    else {
      later ??= [];
      later.push(line);
    }
  }
  splitGroup(now, context, REASONS.now, parcels);
  if (later) splitGroup(later, context, REASONS.presale, parcels);
  return parcels;
}

/**
 * Whether splitting leaves the lines in one parcel or none, told line by line without making a
 * parcel: the split event then keeps the order whole, as it does for most orders (98% of the demo
 * pipeline's), and making the parcel only to drop it was most of splitting's time (measured). False
 * when `splitParcels` makes more than one, and when only packing can tell (a weight below 0).
 */
export function shipsWhole(lines: readonly OrderLine[], params: SplitParams, client?: Client): boolean {
  const catalogue = client ? clientIndex(client).catalogue : NO_CATALOGUE;
  if (!params.presale) return groupParcels(lines, undefined, params, catalogue) <= 1;
  const now = groupParcels(lines, false, params, catalogue);
  return now <= 1 && now + groupParcels(lines, true, params, catalogue) <= 1;
}

/**
 * How many parcels `splitGroup` makes of the lines in a group (presale ones, the others, or all
 * when undefined), counted as far as 2: 2 stands for two or more, or for what only packing can tell.
 */
function groupParcels(
  lines: readonly OrderLine[],
  presale: boolean | undefined,
  params: SplitParams,
  catalogue: ReadonlyMap<string, Sku>,
): number {
  const { maxParcelWeightG } = params;
  let bulky = 0;
  // Riders go in the first big item's parcel, or pack with the rest when there is none: both
  // counted apart until that is known. Weighed are whole units only, the ones packing weighs.
  let rest = false;
  let riders = false;
  let restUnits = 0;
  let riderUnits = 0;
  let restGrams = 0;
  let riderGrams = 0;
  // A whole unit below 0 anywhere in the group leaves the count to packing.
  let negative = false;
  for (const line of lines) {
    if (presale !== undefined && !line.isPresale === presale) continue;
    const item = catalogue.get(line.sku);
    if (isBulky(line, item, params)) {
      // The big-item loop gives each unit a parcel, and a fractional last part one more.
      if (line.qty > 0) bulky += Math.ceil(line.qty);
      if (bulky > 1) return 2;
      continue;
    }
    const rides = ridesAlong(line, item, params);
    if (rides) riders = true;
    else rest = true;
    if (maxParcelWeightG === undefined) continue;
    const units = wholeUnits(line.qty);
    if (units === 0) continue;
    const g = grams(line, item);
    if (g < 0) negative = true;
    if (rides) {
      riderUnits += units;
      riderGrams += g * units;
    } else {
      restUnits += units;
      restGrams += g * units;
    }
  }
  if (bulky > 0)
    return Math.min(2, bulky + packedParcels(rest, restUnits, restGrams, negative, maxParcelWeightG));
  return packedParcels(
    rest || riders,
    restUnits + riderUnits,
    restGrams + riderGrams,
    negative,
    maxParcelWeightG,
  );
}

/**
 * The parcels the remaining lines take, as far as 2: none without lines, one without a weight
 * limit; with one, none without a whole unit, one when they fit or there is one unit (first fit
 * gives a unit over the limit a parcel of its own), else two or more (or, with a unit weighing
 * below 0, what only packing can tell).
 */
function packedParcels(
  lines: boolean,
  units: number,
  grams: number,
  negative: boolean,
  maxGrams: number | undefined,
): number {
  if (!lines) return 0;
  if (maxGrams === undefined) return 1;
  if (units === 0) return 0;
  if (negative) return 2;
  return units === 1 || grams <= maxGrams ? 1 : 2;
}

function grams(line: OrderLine, item: Sku | undefined): number {
  return Math.round((line.weightKg || item?.weightKg || 0) * 1000);
}

function isBulky(line: OrderLine, item: Sku | undefined, { bulky }: SplitParams): boolean {
  return (
    (bulky.fromCatalogue && item?.bulky === true) ||
    bulky.skus.includes(line.sku) ||
    (bulky.overKgPerUnit !== undefined && grams(line, item) > bulky.overKgPerUnit * 1000)
  );
}

function ridesAlong(line: OrderLine, item: Sku | undefined, { accessories }: SplitParams): boolean {
  return (
    line.isGift ||
    accessories.skus.includes(line.sku) ||
    accessories.categories.includes(line.category || (item?.category ?? ''))
  );
}

/**
 * The units packing weighs, as `Array.from({ length: qty })` counted them: a fractional qty (left
 * by a substitution ratio) rounds down here, while the big-item loop gives its last part a parcel.
 */
const wholeUnits = (qty: number) => Math.max(0, Math.trunc(qty));

/** Adds one group's parcels to `parcels`: big items one unit each (riders with the first), then the rest. */
function splitGroup(
  lines: readonly OrderLine[],
  context: SplitContext,
  reasons: Reasons,
  parcels: Parcel[],
): void {
  const { params, catalogue } = context;
  const firstBulky = parcels.length;
  let riders: OrderLine[] | undefined;
  const rest: OrderLine[] = [];
  for (const line of lines) {
    const item = catalogue.get(line.sku);
    if (isBulky(line, item, params)) {
      for (let u = 0; u < line.qty; u++) {
        parcels.push({ warehouse: null, lines: [{ sku: line.sku, qty: 1 }], reason: reasons.bulky });
      }
    } else if (!ridesAlong(line, item, params)) rest.push(line);
    else {
      riders ??= [];
      riders.push(line);
    }
  }
  if (riders) {
    const bulky = parcels[firstBulky];
    if (bulky) for (const line of riders) add(bulky.lines, line.sku, line.qty);
    else for (const line of riders) rest.push(line);
  }
  if (rest.length === 0) return;
  const { maxParcelWeightG } = params;
  if (maxParcelWeightG === undefined) {
    const merged: ParcelLine[] = [];
    for (const line of rest) add(merged, line.sku, line.qty);
    parcels.push({ warehouse: null, lines: merged, reason: reasons[''] });
    return;
  }
  const unitGrams: number[] = new Array(rest.length);
  for (let i = 0; i < rest.length; i++) unitGrams[i] = grams(rest[i]!, catalogue.get(rest[i]!.sku));
  const single = oneParcel(rest, unitGrams, maxParcelWeightG);
  if (single !== undefined) {
    if (single.length) parcels.push({ warehouse: null, lines: single, reason: reasons[''] });
    return;
  }
  const units: Unit[] = [];
  for (let i = 0; i < rest.length; i++) {
    for (let u = wholeUnits(rest[i]!.qty); u > 0; u--)
      units.push({ sku: rest[i]!.sku, grams: unitGrams[i]! });
  }
  const packs = packByWeight(units, maxParcelWeightG);
  const reason = packs.length > 1 ? reasons.weight : reasons[''];
  for (const pack of packs) {
    const merged: ParcelLine[] = [];
    for (const unit of pack) add(merged, unit.sku, 1);
    parcels.push({ warehouse: null, lines: merged, reason });
  }
}

/**
 * The lines of the one parcel packing makes when every unit fits in it (no weight below 0, the
 * total within the limit), without packing unit by unit: units heaviest first, equal weights in
 * line order, merged by SKU in that order, as `packByWeight` and merging give them. Empty when
 * there is no whole unit (packing makes no parcel); undefined when it takes more than one parcel.
 * `unitGrams[i]` is line i's unit weight.
 */
function oneParcel(
  lines: readonly OrderLine[],
  unitGrams: readonly number[],
  maxGrams: number,
): ParcelLine[] | undefined {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const g = unitGrams[i]!;
    if (g < 0) return undefined;
    total += g * wholeUnits(lines[i]!.qty);
  }
  if (total > maxGrams) return undefined;
  // Line indexes with whole units, heaviest first, equal weights in line order: an insertion
  // sort that puts each line after every line at least as heavy (an order has a few lines).
  const order: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (wholeUnits(lines[i]!.qty) === 0) continue;
    let at = order.length;
    while (at > 0 && unitGrams[order[at - 1]!]! < unitGrams[i]!) at--;
    order.splice(at, 0, i);
  }
  const parcel: ParcelLine[] = [];
  for (const i of order) add(parcel, lines[i]!.sku, wholeUnits(lines[i]!.qty));
  return parcel;
}

function add(lines: ParcelLine[], sku: string, qty: number): void {
  for (const line of lines) {
    if (line.sku === sku) {
      line.qty += qty;
      return;
    }
  }
  lines.push({ sku, qty });
}
