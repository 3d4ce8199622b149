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
