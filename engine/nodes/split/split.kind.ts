import { missingReferences } from '../../client/index.ts';
import { type ContentIssue, defineNodeKind, type FieldHints } from '../node-kind.ts';
import { splitEvent } from './split.event.ts';
import { type SplitParams, SplitParamsSchema } from './split.schema.ts';

export const splitFields: FieldHints = {
  'bulky.fromCatalogue': {
    label: { en: 'Catalogue big items', zh: '商品档案大件' },
    help: {
      en: 'SKUs marked bulky in the client catalogue ship one per parcel.',
      zh: '商品档案中标记为大件的商品一件一包。',
    },
  },
  'bulky.skus': {
    label: { en: 'Big-item SKUs', zh: '大件商品' },
    help: { en: 'These SKUs also ship one per parcel.', zh: '这些商品也一件一包。' },
    widget: 'sku',
  },
  'bulky.overKgPerUnit': {
    label: { en: 'Big item over (kg per unit)', zh: '单件超过（千克）算大件' },
    help: { en: 'A unit heavier than this ships alone.', zh: '单件重量超过此值的商品单独成包。' },
  },
  'accessories.skus': {
    label: { en: 'Accessory SKUs', zh: '配件商品' },
    help: {
      en: 'Ride with the first big-item parcel instead of a parcel of their own; gifts always do.',
      zh: '随第一个大件包裹发出，不单独成包；赠品同样随行。',
    },
    widget: 'sku',
  },
  'accessories.categories': {
    label: { en: 'Accessory categories', zh: '配件类目' },
    help: { en: 'Lines of these categories ride along too.', zh: '这些类目的商品同样随大件发出。' },
  },
  presale: {
    label: { en: 'Presale apart', zh: '预售单独发' },
    help: { en: 'Presale lines ship in their own parcel.', zh: '预售商品单独成包。' },
  },
  maxParcelWeightG: {
    label: { en: 'Max parcel weight (g)', zh: '包裹重量上限（克）' },
    help: {
      en: 'Heavier parcels are split, heaviest unit first into the first parcel it fits.',
      zh: '超重则拆包：从最重的商品开始，放入第一个装得下的包裹。',
    },
  },
};

/** Split (拆单): emits one `split` event whose params are these settings; by warehouse is routing's. */
export const splitKind = defineNodeKind<SplitParams>({
  kind: 'split',
  version: 1,
  group: 'split',
  label: { en: 'Split into parcels', zh: '拆单' },
  description: {
    en: 'One parcel per big item (accessories ride along), presale lines apart, parcels up to a weight; refunded lines never ship.',
    zh: '大件一件一包（配件随第一个大件），预售商品单独成包，按重量上限拆包；已退款商品不发货。',
  },
  schema: SplitParamsSchema,
  defaults: () => SplitParamsSchema.parse({}),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: (content, context) => {
    const issues: ContentIssue[] = [];
    const { bulky, presale, maxParcelWeightG } = content;
    const splitsBulky = bulky.fromCatalogue || bulky.skus.length > 0 || bulky.overKgPerUnit !== undefined;
    if (!splitsBulky && !presale && maxParcelWeightG === undefined) {
      issues.push({
        code: 'content_invalid',
        severity: 'warning',
        path: '',
        message: 'split: no big items, presale or weight limit chosen, so it only drops refunded lines',
      });
    }
    if (!context.client || !splitEvent.references) return issues;
    const missing = missingReferences(context.client, splitEvent.references(content));
    return [
      ...issues,
      ...missing.map(({ path, message }) => ({ code: 'unknown_reference' as const, path, message })),
    ];
  },
  emit: (content) => [{ key: '', condition: null, event: { type: 'split', params: content } }],
  fields: splitFields,
  events: [splitEvent],
  migrations: {},
});
