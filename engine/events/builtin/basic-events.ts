import { z } from 'zod';
import { defineEvent } from '../event-def.ts';

const code = z.string().min(1).max(64);

export const routeEvent = defineEvent({
  type: 'route',
  params: z.object({ warehouse: code }),
  references: ({ warehouse }) => [{ kind: 'warehouse', id: warehouse, path: 'warehouse' }],
  apply: ({ warehouse }, { decision }) => {
    decision.warehouse = warehouse;
  },
});

export const carrierEvent = defineEvent({
  type: 'carrier',
  params: z.object({ carrier: code }),
  references: ({ carrier }) => [{ kind: 'carrier', id: carrier, path: 'carrier' }],
  apply: ({ carrier }, { decision }) => {
    decision.carrier = carrier;
  },
});

export const tagEvent = defineEvent({
  type: 'tag',
  params: z.object({ tag: code }),
  apply: ({ tag }, { decision }) => {
    if (!decision.tags.includes(tag)) decision.tags.push(tag);
  },
});

export const giftEvent = defineEvent({
  type: 'gift',
  params: z.object({ sku: code, qty: z.number().int().positive().default(1) }),
  references: ({ sku }) => [{ kind: 'sku', id: sku, path: 'sku' }],
  apply: ({ sku, qty }, { decision, origin }) => {
    decision.gifts.push({ sku, qty, ...origin });
  },
});

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
