import type { Warehouse } from '../../client/index.ts';
import { keyInAnyRegion, placeKey, type RegionCodes } from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { AreaStep, BindingStep } from './route-chain.schema.ts';

const servesAll = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);

/** Which warehouses may ship an order of this shop and platform. */
export function bindingFilter(step: BindingStep, order: StandardOrder): (w: Warehouse) => boolean {
  const rule = step.rules.find(
    (r) => servesAll(r.shops, order.shop) && servesAll(r.platforms, order.platform),
  );
  return (w) =>
    (!step.useClientBindings || (servesAll(w.shops, order.shop) && servesAll(w.platforms, order.platform))) &&
    (rule === undefined || rule.warehouses.includes(w.id));
}

/** Whether the region lists cover the place, by its `placeKey`. */
const covers = (include: readonly string[], exclude: readonly string[], to: string) =>
  (include.length === 0 || keyInAnyRegion(to, include)) && !keyInAnyRegion(to, exclude);

/** Which warehouses deliver to the destination: their own coverage, then every rule that names them. */
export function areaFilter(step: AreaStep, destination: RegionCodes): (w: Warehouse) => boolean {
  // The destination's key once per order, not once per warehouse and list.
  const to = placeKey(destination);
  return (w) => {
    if (step.useClientCovers && !covers(w.covers.include, w.covers.exclude, to)) return false;
    for (const rule of step.rules) {
      if (rule.warehouses.length > 0 && !rule.warehouses.includes(w.id)) continue;
      if (!covers(rule.include, rule.exclude, to)) return false;
    }
    return true;
  };
}
