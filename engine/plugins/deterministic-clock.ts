import type { DeterministicClock } from '../../plugins/sdk/index.ts';
import type { StandardOrder } from '../order/schema.ts';

/** Simulation's plugin clock: frozen at the order's pay time, `Math.random` seeded per order. */
export interface DeterministicPlugins {
  seed: number;
}

/**
 * The instant a plugin sees for an order is when it was paid (created, if unpaid), as when it was first
 * decided; the seed mixes the run's seed with the order id, so orders draw different numbers but each
 * draws the same ones in every run, whatever batch it lands in.
 */
export function orderClock(order: StandardOrder, { seed }: DeterministicPlugins): DeterministicClock {
  return { seed: fnv1a(`${seed}:${order.id}`), now: order.paidAt ?? order.createdAt };
}

/** Operators answer for (fact, value) pairs shared across orders, so they get one clock, not an order's. */
export function operatorClock({ seed }: DeterministicPlugins): DeterministicClock {
  return { seed: fnv1a(String(seed)), now: '1970-01-01T00:00:00Z' };
}

/** 32-bit FNV-1a: small, stable across runs and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
