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

/**
 * The parcels `lines` ship in, warehouse left to routing. Presale lines form their own group;
 * within a group each big-item unit gets a parcel, accessories and gifts ride with the first,
 * and the rest fill parcels up to the weight limit. Reasons: `bulky`, `weight`, `regular`, and
 * for the presale group `presale`, `presale+bulky`, `presale+weight`.
 */
export function splitParcels(lines: readonly OrderLine[], params: SplitParams, client?: Client): Parcel[] {
  const catalogue = new Map((client?.skus ?? []).map((s) => [s.sku, s]));
  const groups = params.presale
    ? [lines.filter((l) => !l.isPresale), lines.filter((l) => l.isPresale)]
    : [lines];
  return groups.flatMap((group, g) => {
    const presale = params.presale && g === 1;
    return splitGroup(group, params, catalogue).map(({ lines: parcelLines, cause }) => ({
      warehouse: null,
      lines: parcelLines,
      reason: presale ? (cause ? `presale+${cause}` : 'presale') : cause || 'regular',
    }));
  });
}

function splitGroup(lines: readonly OrderLine[], params: SplitParams, catalogue: Map<string, Sku>): Draft[] {
  const grams = (line: OrderLine) =>
    Math.round((line.weightKg || catalogue.get(line.sku)?.weightKg || 0) * 1000);
  const isBulky = (line: OrderLine) =>
    (params.bulky.fromCatalogue && catalogue.get(line.sku)?.bulky === true) ||
    params.bulky.skus.includes(line.sku) ||
    (params.bulky.overKgPerUnit !== undefined && grams(line) > params.bulky.overKgPerUnit * 1000);
  const rides = (line: OrderLine) =>
    line.isGift ||
    params.accessories.skus.includes(line.sku) ||
    params.accessories.categories.includes(line.category || (catalogue.get(line.sku)?.category ?? ''));

  const drafts: Draft[] = [];
  const riders: OrderLine[] = [];
  const rest: OrderLine[] = [];
  for (const line of lines) {
    if (isBulky(line)) {
      for (let u = 0; u < line.qty; u++) drafts.push({ lines: [{ sku: line.sku, qty: 1 }], cause: 'bulky' });
    } else {
      (rides(line) ? riders : rest).push(line);
    }
  }
  const firstBulky = drafts[0];
  if (firstBulky) for (const line of riders) add(firstBulky.lines, line.sku, line.qty);
  else rest.push(...riders);
  if (rest.length === 0) return drafts;
  if (params.maxParcelWeightG === undefined) {
    return [...drafts, { lines: merged(rest.map((l) => ({ sku: l.sku, qty: l.qty }))), cause: '' }];
  }
  const units: Unit[] = rest.flatMap((line) =>
    Array.from({ length: line.qty }, () => ({ sku: line.sku, grams: grams(line) })),
  );
  const packs = packByWeight(units, params.maxParcelWeightG);
  const cause: Draft['cause'] = packs.length > 1 ? 'weight' : '';
  return [
    ...drafts,
    ...packs.map((pack) => ({ lines: merged(pack.map((u) => ({ sku: u.sku, qty: 1 }))), cause })),
  ];
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
