import type { ShadowDivergence } from '../../api/schemas/shadow.ts';
import type { DecisionOutline } from '../../simulate/decide/decision-outline.ts';
import { CHANGE_KINDS, type ChangeKind, changedKinds } from '../../simulate/diff/change-kinds.ts';

export interface DivergenceReport {
  orders: number;
  diverged: number;
  byKind: Record<ChangeKind, number>;
  sample: ShadowDivergence[];
  errors: number;
  /** The latest reason the candidate could not decide an order. */
  lastError?: string;
}

/**
 * Live's and the candidate's decisions of each order compared by simulation's change kinds, so a
 * shadow and a simulation count a change the same way. Memory stays bounded however long it runs:
 * counts, and the latest `sampleLimit` diverging orders (a shadow runs for days; the recent ones
 * are what a consultant checks against the OMS).
 */
export class DivergenceTally {
  private orders = 0;
  private diverged = 0;
  private errors = 0;
  private lastError: string | undefined;
  private readonly byKind = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<
    ChangeKind,
    number
  >;
  private readonly sample: ShadowDivergence[] = [];

  constructor(private readonly sampleLimit: number) {}

  add(orderId: string, at: number, live: DecisionOutline, shadow: DecisionOutline): void {
    this.orders++;
    const kinds = changedKinds(live, shadow);
    if (kinds.length === 0) return;
    this.diverged++;
    for (const kind of kinds) this.byKind[kind]++;
    if (this.sampleLimit === 0) return;
    this.sample.push({ orderId, at: new Date(at).toISOString(), kinds, live, shadow });
    if (this.sample.length > this.sampleLimit) this.sample.shift();
  }

  /** The candidate could not decide an order: counted apart, since there is no decision to compare. */
  failed(reason: string): void {
    this.errors++;
    this.lastError = reason;
  }

  report(): DivergenceReport {
    return {
      orders: this.orders,
      diverged: this.diverged,
      byKind: { ...this.byKind },
      sample: [...this.sample],
      errors: this.errors,
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
    };
  }
}
