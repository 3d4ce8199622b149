import { orderInstant } from '../../order/parse-iso-time.ts';
import { defineFact } from './fact-provider.ts';

const MINUTE_MS = 60_000;

/**
 * Whole minutes between payment and the pipeline's clock (not the wall clock, so a simulation
 * replays the same waits); null for an unpaid order, which no "wait after payment" rule should hold.
 */
export const minutesSincePaidFact = defineFact({
  path: 'minutesSincePaid',
  type: 'number',
  label: { en: 'Minutes since payment', zh: '付款后经过分钟数' },
  compute: ({ order, now }) => {
    if (order.paidAt === null) return null;
    return Math.floor((now.getTime() - orderInstant(order.paidAt)) / MINUTE_MS);
  },
});
