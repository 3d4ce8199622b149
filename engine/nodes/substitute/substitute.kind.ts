import { missingReferences } from '../../client/index.ts';
import { windowIssue } from '../gift/time-window.ts';
import { type ContentIssue, defineNodeKind, type FieldHints } from '../node-kind.ts';
import { substituteEvent, substituteReferences } from './substitute.event.ts';
import { type SubstituteParams, SubstituteParamsSchema } from './substitute.schema.ts';

export const substituteFields: FieldHints = {
  substitutions: {
    label: { en: 'Substitutions', zh: '替换规则' },
    help: {
      en: 'Tried top to bottom, each on the lines earlier ones left; each replaces every unit of its SKU.',
      zh: '自上而下执行，每条作用于前面替换后的商品；替换该商品的全部数量。',
    },
  },
  'substitutions[].from': {
    label: { en: 'Replace SKU', zh: '原商品' },
    help: { en: 'The SKU taken out of the order.', zh: '被替换的商品。' },
    widget: 'sku',
  },
  'substitutions[].to': {
    label: { en: 'With SKU', zh: '替换为' },
    help: { en: 'The SKU shipped instead.', zh: '改发的商品。' },
    widget: 'sku',
  },
  'substitutions[].ratio': {
    label: { en: 'Units per unit', zh: '替换比例' },
    help: { en: 'Units of the new SKU for each unit replaced.', zh: '每件原商品替换为几件新商品。' },
  },
  'substitutions[].when': {
    label: { en: 'When', zh: '触发条件' },
    help: {
      en: 'A window on pay or created time (no bounds: always), remark keywords, or out of stock (A out, B in).',
      zh: '付款或下单时间段（不设时间即始终）、备注关键词、或缺货（A缺货且B有货）。',
    },
  },
  'substitutions[].when.keywords': {
    label: { en: 'Remark keywords', zh: '备注关键词' },
    help: {
      en: 'Any of these in the buyer message or seller memo.',
      zh: '买家留言或卖家备注包含任一关键词。',
    },
    widget: 'keywords',
  },
};

/** SKU substitution (商品替换): emits one `substitute` event whose params are the substitutions. */
export const substituteKind = defineNodeKind<SubstituteParams>({
  kind: 'substitute',
  version: 1,
  group: 'substitution',
  label: { en: 'Substitute SKU', zh: '商品替换' },
  description: {
    en: 'Replaces SKU A by B (with a qty ratio) in a date window, when the remark asks, or when A is out of stock and B is not.',
    zh: '在指定时间段内、备注要求时、或A缺货而B有货时，将商品A按比例替换为B。',
  },
  schema: SubstituteParamsSchema,
  defaults: () =>
    SubstituteParamsSchema.parse({
      substitutions: [{ id: 'sub-1', from: 'A', to: 'B', when: { kind: 'outOfStock' } }],
    }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: (content, context) => {
    const issues: ContentIssue[] = [];
    const seen = new Set<string>();
    content.substitutions.forEach((sub, i) => {
      const at = `substitutions[${i}]`;
      if (seen.has(sub.id)) {
        issues.push({
          code: 'duplicate_id',
          path: `${at}.id`,
          message: `substitution id "${sub.id}" is used twice`,
        });
      }
      seen.add(sub.id);
      if (sub.from === sub.to) {
        issues.push({
          code: 'content_invalid',
          path: `${at}.to`,
          message: `substitution "${sub.id}" replaces ${sub.from} by itself`,
        });
      }
      const badWindow = sub.when.kind === 'window' && windowIssue(sub.when);
      if (badWindow)
        issues.push({
          code: 'content_invalid',
          path: `${at}.when`,
          message: `substitution "${sub.id}": ${badWindow}`,
        });
    });
    if (!context.client) return issues;
    const missing = missingReferences(context.client, substituteReferences(content));
    return [
      ...issues,
      ...missing.map(({ path, message }) => ({ code: 'unknown_reference' as const, path, message })),
    ];
  },
  emit: (content) => [{ key: '', condition: null, event: { type: 'substitute', params: content } }],
  fields: substituteFields,
  events: [substituteEvent],
  migrations: {},
});
