import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';

/**
 * Sets one `extracted.<key>` fact, as remark parsing does, for later stages to test. No family kind
 * emits it, only the generic action, so the action kind declares it.
 */
export const extractEvent = defineEvent({
  type: 'extract',
  label: { en: 'Extract', zh: '提取' },
  params: z.object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'use letters, digits and "_"'),
    value: z.unknown(),
  }),
  apply: ({ key, value }, { decision }) => {
    decision.extracted[key] = value;
  },
});
