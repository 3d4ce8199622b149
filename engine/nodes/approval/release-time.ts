import { isoTime } from '../../order/iso-time.ts';
import { orderInstant } from '../../order/parse-iso-time.ts';
import type { StandardOrder } from '../../order/schema.ts';

const MINUTE_MS = 60_000;

/** Where a hold's minutes count from: the decision (`hold`) or the order's payment (`payment`, a merge wait). */
export type ReleaseFrom = 'hold' | 'payment';

/** When a hold lifts by itself, as the decision states it. */
export interface Release {
  /** The instant the hold lifts, ISO 8601 (UTC). */
  releaseAt?: string;
  /** Whole minutes from the decision to `releaseAt`, rounded up: what an OMS timer set at decision time needs. */
  autoReleaseMinutes?: number;
}

/**
 * When a hold of `minutes` lifts, read from the decision time `now` (the pipeline's clock, not the wall
 * clock). From the hold: `now + minutes`. From payment: exactly `paidAt + minutes`, so "wait 30 minutes
 * after payment" lifts when the 30 minutes are up however late the order was decided; an unpaid order
 * has not started waiting and is held with no release time. A wait already over still says 1 minute,
 * not 0, as the hold did before it had a clock: OMS code reading `autoReleaseMinutes` as a truthy
 * "auto release?" must not take a due release for a manual one; `releaseAt`, in the past, says it is due.
 */
export function releaseOf(
  minutes: number | undefined,
  from: ReleaseFrom,
  order: Pick<StandardOrder, 'paidAt'>,
  now: Date,
): Release {
  if (minutes === undefined) return {};
  if (from === 'hold') {
    return {
      releaseAt: isoTime(now.getTime() + minutes * MINUTE_MS),
      autoReleaseMinutes: minutes,
    };
  }
  if (order.paidAt === null) return {};
  // Date.parse's instant, by the stage-shared reader: the gift and merge stages read this stamp too.
  const at = orderInstant(order.paidAt) + minutes * MINUTE_MS;
  return {
    releaseAt: isoTime(at),
    autoReleaseMinutes: Math.max(1, Math.ceil((at - now.getTime()) / MINUTE_MS)),
  };
}
