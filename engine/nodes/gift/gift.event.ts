import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';

/** One gift, unconditionally: what a plain action or a decision-table row gives. */
export const giftEvent = defineEvent({
  type: 'gift',
  label: { en: 'Add gift', zh: '送赠品' },
  params: z.object({ sku: z.string().min(1).max(64), qty: z.number().int().positive().default(1) }),
  references: ({ sku }) => [{ kind: 'sku', id: sku, path: 'sku' }],
  apply: ({ sku, qty }, { decision, origin }) => {
    decision.gifts.push({ sku, qty, ...origin });
  },
});
