import type { DecisionOutline } from '../decide/decision-outline.ts';
import { compareText, NONE } from '../decide/tallies.ts';

export const CHANGE_KINDS = [
  'status',
  'holdReasons',
  'warehouse',
  'carrier',
  'gifts',
  'split',
  'merge',
  'tags',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

interface KindReader {
  /** What must be equal for the kind to be unchanged. */
  key(view: DecisionOutline): string;
  /** How a transition is named in the report ("WH-SH → WH-GZ"); coarser than the key where the key is long. */
  label(view: DecisionOutline): string;
}

const listed = (items: readonly string[]) =>
  items.length === 0 ? NONE : [...new Set(items)].sort(compareText).join(', ');
const same = (read: (view: DecisionOutline) => string): KindReader => ({ key: read, label: read });

/** How each kind of change is read off a decision view. */
export const KIND_READERS: Readonly<Record<ChangeKind, KindReader>> = {
  status: same((v) => v.status),
  holdReasons: same((v) => listed(v.holds)),
  warehouse: same((v) =>
    v.warehouse !== null
      ? v.warehouse
      : v.parcels.length > 0
        ? listed(v.parcels.map((p) => p.warehouse ?? NONE))
        : NONE,
  ),
  carrier: same((v) => v.carrier ?? NONE),
  gifts: same((v) => listed(v.gifts.map((g) => `${g.sku}×${g.qty}`))),
  split: {
    key: (v) => v.parcels.map((p) => p.lines.map((l) => `${l.sku}×${l.qty}`).join('+')).join(' | '),
    label: (v) => (v.parcels.length === 0 ? 'whole' : `${v.parcels.length} parcels`),
  },
  // Merged or not, not which group: a candidate that adds a merge stage changes only the orders that join.
  merge: same((v) => (v.merged ? 'merged' : 'alone')),
  tags: same((v) => listed(v.tags)),
};

/** The kinds of change between the baseline's and the candidate's decision of one order. */
export function changedKinds(baseline: DecisionOutline, candidate: DecisionOutline): ChangeKind[] {
  return CHANGE_KINDS.filter(
    (kind) => KIND_READERS[kind].key(baseline) !== KIND_READERS[kind].key(candidate),
  );
}
