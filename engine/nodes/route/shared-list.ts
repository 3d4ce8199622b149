import type { Warehouse } from '../../client/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { AreaStep, BindingStep } from './route-chain.schema.ts';
import { areaPrecision, keepBound, keepCovering } from './route-filters.ts';

/** Entries one map keeps; past it the map starts again (shop names come from whatever orders are sent). */
export const MAX_REMEMBERED = 4096;

/**
 * A list of warehouses shared by every order that reaches it: a chain's candidates, or what a
 * binding or area step left of an earlier shared list for one shop and platform, or for one place.
 * Each remembers what the step after it leaves, by what that step reads of the order, so a
 * repeated shop or place narrows with a map lookup (no key string built per order) and the log
 * shows the list's ids rather than reading them off each warehouse. A list is made for one position
 * of one prepared chain, so the step that asks it is always the same one.
 */
export class SharedList {
  /** The warehouses' ids, in order: what the log shows of the list, in every decision that reaches it. Frozen. */
  readonly ids: readonly string[];
  private byShop: Map<string, Map<string, SharedList>> | undefined;
  private byPlace: Map<number, SharedList> | undefined;
  /** `areaPrecision` of the area step after this list: the length of the place keys it remembers. */
  private placeDigits = -1;

  constructor(readonly warehouses: readonly Warehouse[]) {
    const ids: string[] = new Array(warehouses.length);
    for (let i = 0; i < warehouses.length; i++) ids[i] = warehouses[i]!.id;
    this.ids = Object.freeze(ids);
  }

  /** What the binding step leaves of this list for the order's shop and platform. */
  bound(step: BindingStep, order: StandardOrder): SharedList {
    this.byShop ??= new Map();
    let byPlatform = this.byShop.get(order.shop);
    if (byPlatform === undefined) {
      byPlatform = new Map();
      remember(this.byShop, order.shop, byPlatform);
    }
    let kept = byPlatform.get(order.platform);
    if (kept === undefined) {
      kept = new SharedList(keepBound(step, order, this.warehouses));
      remember(byPlatform, order.platform, kept);
    }
    return kept;
  }

  /**
   * What the area step leaves of this list for a place (its `placeKey`), remembered by as much of
   * the key as the step tells apart: by city or province when the regions it tests are no finer, so
   * a fresh pipeline works the list out once per city, not per district (2,700 districts in 20 k
   * demo orders, 6,500 lists a pass), and the map stays small.
   */
  covering(step: AreaStep, place: string): SharedList {
    if (this.byPlace === undefined) {
      this.byPlace = new Map();
      this.placeDigits = areaPrecision(step, this.warehouses);
    }
    const key = placeNumber(place, this.placeDigits);
    let kept = this.byPlace.get(key);
    if (kept === undefined) {
      kept = new SharedList(keepCovering(step, place, this.warehouses));
      remember(this.byPlace, key, kept);
    }
    return kept;
  }
}

/**
 * The place key's leading digits, at most `digits` of them, as a number (a 1 before them keeps
 * '04' and '4' apart): all the area step can tell of a place, as the region prefixes it tests are
 * digits no longer than that. A number, not a sliced string: an integer key is hashed and
 * compared without reading a string (route apply ~0.15 µs an order less, in-process A/B medians).
 */
function placeNumber(place: string, digits: number): number {
  let n = 1;
  const end = Math.min(place.length, digits);
  for (let i = 0; i < end; i++) {
    const d = place.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return n;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}
