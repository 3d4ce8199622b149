import type { StandardOrder } from '../../engine/order/schema.ts';
import type { DecisionOutline } from '../decide/decision-outline.ts';
import { compareText } from '../decide/tallies.ts';
import { chinaHour, chinaTimeText } from '../order-time.ts';
import { CHANGE_KINDS, type ChangeKind, changedKinds, KIND_READERS } from './change-kinds.ts';

export const EXAMPLES_PER_KIND = 5;
const TRANSITIONS_SHOWN = 20;
// Distinct transitions kept per kind; rarer ones beyond it are counted together, so memory stays bounded.
const TRANSITIONS_KEPT = 1000;
const OTHER = '(other)';
const REMARK_CHARS = 200;

export interface ChangeExample {
  orderId: string;
  line: number;
  /** Decision time, China time. */
  time: string;
  /** Buyer message and seller memo: often why the decision changed. */
  remark: string;
  baseline: DecisionOutline;
  candidate: DecisionOutline;
}

export interface ChangeGroup {
  count: number;
  transitions: { from: string; to: string; count: number }[];
  examples: ChangeExample[];
}

export interface Changes {
  count: number;
  byKind: Record<ChangeKind, ChangeGroup>;
  /** Changed orders per pay hour of the day (China time), 0–23. */
  byPayHour: number[];
}

interface Group {
  count: number;
  transitions: Map<string, number>;
  examples: ChangeExample[];
}

/**
 * Compares the baseline's and the candidate's decision of each order, in decision order, and
 * counts what changed. Views are compared as JSON text first: most orders do not change, and
 * only the ones that do are parsed. The first examples in decision order are kept, so they are
 * the same on every run.
 */
export class ChangeTally {
  private count = 0;
  private readonly byPayHour: number[] = new Array(24).fill(0);
  private readonly groups = Object.fromEntries(
    CHANGE_KINDS.map((kind) => [kind, { count: 0, transitions: new Map(), examples: [] } as Group]),
  ) as Record<ChangeKind, Group>;

  add(
    key: number,
    line: number,
    baselineJson: string,
    candidateJson: string,
    order: () => StandardOrder,
  ): void {
    if (baselineJson === candidateJson) return;
    const baseline = JSON.parse(baselineJson) as DecisionOutline;
    const candidate = JSON.parse(candidateJson) as DecisionOutline;
    const kinds = changedKinds(baseline, candidate);
    // Views can differ in what no kind compares (the order of the same holds): that is not a change.
    if (kinds.length === 0) return;
    this.count++;
    this.byPayHour[chinaHour(key)]!++;
    let example: ChangeExample | undefined;
    for (const kind of kinds) {
      const group = this.groups[kind];
      group.count++;
      const reader = KIND_READERS[kind];
      countTransition(group.transitions, `${reader.label(baseline)}\u0000${reader.label(candidate)}`);
      if (group.examples.length < EXAMPLES_PER_KIND) {
        example ??= exampleOf(order(), key, line, baseline, candidate);
        group.examples.push(example);
      }
    }
  }

  result(): Changes {
    const byKind = Object.fromEntries(
      CHANGE_KINDS.map((kind) => {
        const group = this.groups[kind];
        const transitions = [...group.transitions]
          .sort(([a, x], [b, y]) => y - x || compareText(a, b))
          .slice(0, TRANSITIONS_SHOWN)
          .map(([pair, count]) => {
            const [from, to] = pair.split('\u0000') as [string, string];
            return { from, to, count };
          });
        return [kind, { count: group.count, transitions, examples: group.examples }];
      }),
    ) as Record<ChangeKind, ChangeGroup>;
    return { count: this.count, byKind, byPayHour: [...this.byPayHour] };
  }
}

function countTransition(transitions: Map<string, number>, pair: string): void {
  const known = transitions.has(pair) || transitions.size < TRANSITIONS_KEPT;
  const key = known ? pair : `${OTHER}\u0000${OTHER}`;
  transitions.set(key, (transitions.get(key) ?? 0) + 1);
}

function exampleOf(
  order: StandardOrder,
  key: number,
  line: number,
  baseline: DecisionOutline,
  candidate: DecisionOutline,
): ChangeExample {
  const remark = [order.buyerMessage, order.sellerMemo].filter(Boolean).join(' / ');
  return {
    orderId: order.id,
    line,
    time: chinaTimeText(key),
    remark: remark.length > REMARK_CHARS ? `${remark.slice(0, REMARK_CHARS)}…` : remark,
    baseline,
    candidate,
  };
}
