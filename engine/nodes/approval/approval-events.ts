import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';

const reason = z.string().min(1).max(64);

export const approveEvent = defineEvent({
  type: 'approve',
  params: z.object({}).strict(),
  apply: () => {},
});

export const holdEvent = defineEvent({
  type: 'hold',
  params: z.object({
    reason,
    message: z.string().optional(),
    autoReleaseMinutes: z.number().int().positive().optional(),
    urgent: z.boolean().optional(),
  }),
  // Object.assign, not `{ ...params, ...origin }`: V8 builds a fresh object shape for every spread
  // that adds keys to another spread's, a microsecond per hold.
  apply: (params, { decision, origin }) => {
    decision.holds.push(Object.assign({}, params, origin));
  },
});

export const flagEvent = defineEvent({
  type: 'flag',
  params: z.object({ reason, message: z.string().optional() }),
  apply: (params, { decision, origin }) => {
    decision.flags.push(Object.assign({}, params, origin));
  },
});
