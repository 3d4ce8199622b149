import type { Warehouse } from '../../client/index.ts';
import { keyInAnyRegion, regionCode } from '../../logistics/index.ts';
import { ancestorPrefix } from '../../order/regions/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { AreaStep, BindingStep } from './route-chain.schema.ts';

const servesAll = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);

/** The warehouses of `left`, in order, that may ship an order of this shop and platform. */
export function keepBound(step: BindingStep, order: StandardOrder, left: readonly Warehouse[]): Warehouse[] {
  const { shop, platform } = order;
  let rule: BindingStep['rules'][number] | undefined;
  for (const r of step.rules) {
    if (servesAll(r.shops, shop) && servesAll(r.platforms, platform)) {
      rule = r;
      break;
    }
  }
  const kept: Warehouse[] = [];
  for (const w of left) {
    if (step.useClientBindings && !(servesAll(w.shops, shop) && servesAll(w.platforms, platform))) continue;
    if (rule === undefined || rule.warehouses.includes(w.id)) kept.push(w);
  }
  return kept;
}

/** Whether the region lists cover the place, by its `placeKey`. */
const covers = (include: readonly string[], exclude: readonly string[], to: string) =>
  (include.length === 0 || keyInAnyRegion(to, include)) && !keyInAnyRegion(to, exclude);

/**
 * The warehouses of `left`, in order, that deliver to the place (its `placeKey`): their own
 * coverage, then every rule that names them.
 */
export function keepCovering(step: AreaStep, to: string, left: readonly Warehouse[]): Warehouse[] {
  const kept: Warehouse[] = [];
  for (const w of left) if (delivers(step, to, w)) kept.push(w);
  return kept;
}

function delivers(step: AreaStep, to: string, w: Warehouse): boolean {
  if (step.useClientCovers && !covers(w.covers.include, w.covers.exclude, to)) return false;
  for (const rule of step.rules) {
    if (rule.warehouses.length > 0 && !rule.warehouses.includes(w.id)) continue;
    if (!covers(rule.include, rule.exclude, to)) return false;
  }
  return true;
}

/**
 * How many leading characters of a place key the area step tells apart for these warehouses: the
 * longest code prefix among the regions it tests (2 a province, 4 a city, 6 a district; 0 none).
 * Keys alike that far lie in the same of those regions, so they are covered alike.
 */
export function areaPrecision(step: AreaStep, warehouses: readonly Warehouse[]): number {
  let n = 0;
  if (step.useClientCovers) {
    for (const w of warehouses)
      n = Math.max(n, longestPrefix(w.covers.include), longestPrefix(w.covers.exclude));
  }
  for (const rule of step.rules) n = Math.max(n, longestPrefix(rule.include), longestPrefix(rule.exclude));
  return n;
}

/** The longest prefix `keyInAnyRegion` tests a key against for these regions (unknown ones test none). */
function longestPrefix(regions: readonly string[]): number {
  let n = 0;
  for (const region of regions) {
    const code = regionCode(region);
    const prefix = code === null ? null : ancestorPrefix(code);
    if (prefix !== null && prefix.length > n) n = prefix.length;
  }
  return n;
}
