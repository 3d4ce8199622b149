import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import { idRecordFrom } from '../../engine/state/id-record.ts';

export const NONE = '(none)';

export interface RuleHitCount {
  strategyId: string;
  family: string;
  rule: string;
  /** The graph nodes on the rule's path, start to action, for lighting it up in the editor. */
  nodeIds: string[];
  hits: number;
}

/** What one pipeline decided over a whole run, counted in orders (an order counts once per reason, tag, …). */
export interface Tallies {
  decided: number;
  outcomes: { approved: number; held: number; flagged: number };
  holdReasons: Record<string, number>;
  flagReasons: Record<string, number>;
  warehouses: Record<string, number>;
  carriers: Record<string, number>;
  gifts: Record<string, { orders: number; qty: number }>;
  tags: Record<string, number>;
  merges: MergeTally;
  ruleHits: RuleHitCount[];
}

/** What the merge stage (合单) did over the run. */
export interface MergeTally {
  /** Orders that opened or joined a group. */
  orders: number;
  /** Groups that reached two orders: parcels that carry more than one order. */
  groups: number;
  /** Orders that joined an earlier order's group, so ship in its parcel: one parcel fewer each. */
  parcelsSaved: number;
  /** Orders a merge rule reached that may not merge, by why (cod, presale, unpaid …). */
  excluded: Record<string, number>;
}

/** Counts decisions as they come; memory grows with distinct reasons, warehouses, SKUs and tags, not with orders. */
export class TallyCounter {
  private decided = 0;
  private readonly outcomes = { approved: 0, held: 0, flagged: 0 };
  private readonly holdReasons = new Map<string, number>();
  private readonly flagReasons = new Map<string, number>();
  private readonly warehouses = new Map<string, number>();
  private readonly carriers = new Map<string, number>();
  private readonly gifts = new Map<string, { orders: number; qty: number }>();
  private readonly tags = new Map<string, number>();
  private readonly merges = { orders: 0, groups: 0, parcelsSaved: 0 };
  private readonly mergeExcluded = new Map<string, number>();
  private readonly rules: RuleHitCount[] = [];
  /** By strategy, then rule name. */
  private readonly ruleIndex = new Map<string, Map<string, RuleHitCount>>();

  /** Every rule starts at zero, in stage order, so rules no order ever hits show up too. */
  constructor(stages: readonly CompiledStrategy[]) {
    for (const strategy of stages) {
      for (const rule of strategy.rules) {
        this.rule(
          strategy.strategyId,
          strategy.family,
          rule.name,
          strategy.sourceMap[rule.name]?.nodeIds ?? [],
        );
      }
    }
  }

  add(decision: Decision): void {
    this.decided++;
    this.outcomes[decision.status]++;
    // Counted once per order each, without arrays or sets: most orders have no hold, no flag and
    // one warehouse, and this runs for every order of a replay.
    countDistinct(this.holdReasons, decision.holds, reasonOf);
    countDistinct(this.flagReasons, decision.flags, reasonOf);
    if (decision.warehouse !== null) countOne(this.warehouses, decision.warehouse);
    else countEach(this.warehouses, warehousesOf(decision));
    countOne(this.carriers, decision.carrier ?? NONE);
    countDistinct(this.tags, decision.tags, itself);
    if (decision.gifts.length > 0) this.addGifts(decision.gifts);
    this.addMerge(decision.merge);
    for (const entry of decision.trace ?? []) {
      this.rule(entry.strategyId, '', entry.rule, entry.nodeIds).hits++;
    }
  }

  private addGifts(gifts: Decision['gifts']): void {
    const perSku = new Map<string, number>();
    for (const gift of gifts) perSku.set(gift.sku, (perSku.get(gift.sku) ?? 0) + gift.qty);
    for (const [sku, qty] of perSku) {
      const entry = this.gifts.get(sku) ?? { orders: 0, qty: 0 };
      entry.orders++;
      entry.qty += qty;
      this.gifts.set(sku, entry);
    }
  }

  // A group is counted when its second order joins: decisions come in order, so that happens once.
  private addMerge(merge: Decision['merge']): void {
    if (!merge) return;
    if (merge.group === null) {
      countEach(this.mergeExcluded, [merge.excluded ?? NONE]);
      return;
    }
    this.merges.orders++;
    if (!merge.joined) return;
    this.merges.parcelsSaved++;
    if (merge.size === 2) this.merges.groups++;
  }

  result(): Tallies {
    return {
      decided: this.decided,
      outcomes: { ...this.outcomes },
      holdReasons: sortedCounts(this.holdReasons),
      flagReasons: sortedCounts(this.flagReasons),
      warehouses: sortedCounts(this.warehouses),
      carriers: sortedCounts(this.carriers),
      gifts: idRecordFrom([...this.gifts].sort(([a, x], [b, y]) => y.orders - x.orders || compareText(a, b))),
      tags: sortedCounts(this.tags),
      merges: { ...this.merges, excluded: sortedCounts(this.mergeExcluded) },
      ruleHits: this.rules.map((r) => ({ ...r, nodeIds: [...r.nodeIds] })),
    };
  }

  private rule(strategyId: string, family: string, rule: string, nodeIds: string[]): RuleHitCount {
    let byName = this.ruleIndex.get(strategyId);
    if (!byName) {
      byName = new Map();
      this.ruleIndex.set(strategyId, byName);
    }
    let entry = byName.get(rule);
    if (!entry) {
      entry = { strategyId, family, rule, nodeIds, hits: 0 };
      byName.set(rule, entry);
      this.rules.push(entry);
    }
    return entry;
  }
}

/** Where the order ships from: its warehouse, else each parcel's, else nowhere. */
export function warehousesOf(decision: Pick<Decision, 'warehouse' | 'parcels'>): string[] {
  if (decision.warehouse !== null) return [decision.warehouse];
  const fromParcels = [...new Set(decision.parcels.map((p) => p.warehouse ?? NONE))];
  return fromParcels.length > 0 ? fromParcels : [NONE];
}

function countEach(counts: Map<string, number>, keys: readonly string[]): void {
  for (const key of new Set(keys)) countOne(counts, key);
}

function countOne(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const SHORT_LIST = 8;
const reasonOf = (item: { reason: string }): string => item.reason;
const itself = (item: string): string => item;

/** Counts each distinct key of the items once; a list of a few items is checked without building a set. */
function countDistinct<T>(
  counts: Map<string, number>,
  items: readonly T[],
  keyOf: (item: T) => string,
): void {
  if (items.length > SHORT_LIST) {
    countEach(counts, items.map(keyOf));
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const key = keyOf(items[i]!);
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = keyOf(items[j]!) === key;
    if (!seen) countOne(counts, key);
  }
}

/**
 * Most first, ties by name: the same input gives the same JSON, byte for byte. An object with no
 * prototype: its keys come from orders, and a tag `constructor` must not read as Object's.
 */
export function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  return idRecordFrom([...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b)));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
