import { defineEvent } from '../../events/event-def.ts';
import { holdWithoutLines } from '../../events/no-lines.ts';
import { effectiveLines } from '../../logistics/index.ts';
import { SplitParamsSchema } from './split.schema.ts';
import { shipsWhole, splitParcels } from './split-parcels.ts';

/**
 * Splits what ships (refunded lines dropped, substitutions applied, gifts added) into parcels
 * without warehouses; routing assigns those. An order that fits one parcel keeps `parcels`
 * empty: it ships whole. A later split event replaces an earlier one's parcels.
 */
export const splitEvent = defineEvent({
  type: 'split',
  label: { en: 'Split', zh: '拆单' },
  params: SplitParamsSchema,
  references: ({ bulky, accessories }) => [
    ...bulky.skus.map((id, i) => ({ kind: 'sku' as const, id, path: `bulky.skus[${i}]` })),
    ...accessories.skus.map((id, i) => ({ kind: 'sku' as const, id, path: `accessories.skus[${i}]` })),
  ],
  apply: (params, context) => {
    if (holdWithoutLines(context, 'splitting')) return;
    const { order, decision, client } = context;
    const lines = effectiveLines(order, decision, client);
    if (shipsWhole(lines, params, client)) {
      decision.parcels = [];
      return;
    }
    const parcels = splitParcels(lines, params, client);
    decision.parcels = parcels.length > 1 ? parcels : [];
  },
});
