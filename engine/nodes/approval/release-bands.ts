import type { Emission } from '../node-kind.ts';

/** At most this many bands: a release is late by under N / MAX_BANDS minutes, and never early. */
const MAX_BANDS = 12;

export interface HoldParams {
  reason: string;
  message?: string;
  urgent?: boolean;
}

/**
 * A hold that lifts N minutes after payment, as plain rules. Rule JSON cannot compute "N minus the
 * minutes since payment", so the node emits one rule per band of `minutesSincePaid`, each with the
 * release that band needs, rounded up; the rules share a group, so the first band that matches is
 * the only one applied. An order whose wait is over is released after a minute; an unpaid order
 * has not started waiting and is held with no release time.
 */
export function releaseAfterPayment(hold: HoldParams, minutes: number): Emission[] {
  const step = Math.ceil(minutes / MAX_BANDS);
  const bands: Emission[] = [];
  for (let from = 0; from < minutes; from += step) {
    const autoReleaseMinutes = minutes - from;
    bands.push({
      key: `release-${autoReleaseMinutes}`,
      condition: { fact: 'minutesSincePaid', operator: 'lessThan', value: from + step },
      event: { type: 'hold', params: { ...hold, autoReleaseMinutes } },
      group: 'release',
    });
  }
  bands.push({
    key: 'waited',
    condition: { fact: 'minutesSincePaid', operator: 'greaterThanInclusive', value: minutes },
    event: { type: 'hold', params: { ...hold, autoReleaseMinutes: 1 } },
    group: 'release',
  });
  bands.push({
    key: 'unpaid',
    condition: null,
    event: { type: 'hold', params: { ...hold } },
    group: 'release',
  });
  return bands;
}
