import type { Decision } from '../../engine/decision/decision.ts';

/**
 * What a consultant compares between two decisions of one order: outcome, reasons, where it
 * ships from, how, with which gifts, in which parcels. Sent from the decide workers as JSON.
 */
export interface DecisionOutline {
  status: Decision['status'] | 'failed';
  holds: string[];
  flags: string[];
  warehouse: string | null;
  carrier: string | null;
  gifts: { sku: string; qty: number }[];
  tags: string[];
  /** Joined an earlier order's merge group (ships in its parcel). */
  merged: boolean;
  parcels: { warehouse: string | null; lines: { sku: string; qty: number }[] }[];
  /** Why the decision failed, when it did. */
  error?: string;
}

export function outlineOf(decision: Decision): DecisionOutline {
  return {
    status: decision.status,
    holds: decision.holds.map((h) => h.reason),
    flags: decision.flags.map((f) => f.reason),
    warehouse: decision.warehouse,
    carrier: decision.carrier,
    gifts: decision.gifts.map((g) => ({ sku: g.sku, qty: g.qty })),
    tags: [...decision.tags],
    merged: decision.merge?.joined === true,
    parcels: decision.parcels.map((p) => ({
      warehouse: p.warehouse,
      lines: p.lines.map((l) => ({ sku: l.sku, qty: l.qty })),
    })),
  };
}

export function failedOutline(reason: string): DecisionOutline {
  return {
    status: 'failed',
    holds: [],
    flags: [],
    warehouse: null,
    carrier: null,
    gifts: [],
    tags: [],
    merged: false,
    parcels: [],
    error: reason,
  };
}
