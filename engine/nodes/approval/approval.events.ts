import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';

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
  label: { en: 'Flag', zh: '标记异常' },
  params: z.object({ reason, message: z.string().optional() }),
  apply: (params, { decision, origin }) => {
    decision.flags.push(Object.assign({}, params, origin));
  },
});
