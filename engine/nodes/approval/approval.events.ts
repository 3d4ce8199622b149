import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';
import { releaseOf } from './release-time.ts';

const reason = z.string().min(1).max(64);

export const approveEvent = defineEvent({
  type: 'approve',
  label: { en: 'Approve', zh: '审核通过' },
  params: z.object({}).strict(),
  apply: () => {},
});

export const holdEvent = defineEvent({
  type: 'hold',
  label: { en: 'Hold', zh: '拦截' },
  params: z.object({
    reason,
    message: z.string().optional(),
    autoReleaseMinutes: z.number().int().positive().optional(),
    /** Where the minutes count from: the decision (default) or the order's payment (a merge wait). */
    releaseFrom: z.enum(['hold', 'payment']).optional(),
    urgent: z.boolean().optional(),
  }),
  // The release is computed here, from the decision clock, not in the rule: rule JSON cannot say
  // "paidAt + N minus now". Object.assign, not `{ ...params, ...origin }`: V8 builds a fresh object
  // shape for every spread that adds keys to another spread's, a microsecond per hold.
  apply: ({ releaseFrom = 'hold', autoReleaseMinutes, ...hold }, { decision, order, origin, now }) => {
    decision.holds.push(Object.assign(hold, releaseOf(autoReleaseMinutes, releaseFrom, order, now), origin));
  },
});

export const flagEvent = defineEvent({
  type: 'flag',
  label: { en: 'Flag', zh: '标记异常' },
  params: z.object({ reason, message: z.string().optional() }),
  apply: (params, { decision, origin }) => {
    decision.flags.push(Object.assign({}, params, origin));
  },
});
