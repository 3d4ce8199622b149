import type { Warehouse } from '../../client/index.ts';
import { inAnyRegion, type RegionCodes } from '../../logistics/index.ts';
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

const covers = (include: readonly string[], exclude: readonly string[], to: RegionCodes) =>
  (include.length === 0 || inAnyRegion(to, include)) && !inAnyRegion(to, exclude);

/** Which warehouses deliver to the destination: their own coverage, then every rule that names them. */
export function areaFilter(step: AreaStep, destination: RegionCodes): (w: Warehouse) => boolean {
  return (w) =>
    (!step.useClientCovers || covers(w.covers.include, w.covers.exclude, destination)) &&
    step.rules.every(
      (rule) =>
        (rule.warehouses.length > 0 && !rule.warehouses.includes(w.id)) ||
        covers(rule.include, rule.exclude, destination),
    );
}
