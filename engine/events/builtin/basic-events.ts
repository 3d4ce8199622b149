import { z } from 'zod';
import { defineEvent } from '../event-def.ts';

export const extractEvent = defineEvent({
  type: 'extract',
  params: z.object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'use letters, digits and "_"'),
    value: z.unknown(),
  }),
  apply: ({ key, value }, { decision }) => {
    decision.extracted[key] = value;
  },
});
