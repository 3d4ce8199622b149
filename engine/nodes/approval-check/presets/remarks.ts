import { z } from 'zod';
import { SELLER_FLAGS } from '../../../order/schema.ts';
import type { NestedCondition } from '../../../rules/schema.ts';
import { anyOf, definePreset, hasText, leaf } from '../preset.ts';

export const remarkPresentPreset = definePreset({
  id: 'remarkPresent',
  label: { en: 'Remark present', zh: '有备注/留言' },
  help: {
    en: 'Holds when the buyer left a message and/or the seller wrote a memo, so someone reads it before shipping.',
    zh: '买家有留言和/或卖家有备注时成立，发货前需人工查看。',
  },
  params: z.object({ buyerMessage: z.boolean().default(true), sellerMemo: z.boolean().default(true) }),
  fields: {
    buyerMessage: {
      label: { en: 'Buyer message', zh: '买家留言' },
      help: { en: 'Count a buyer message.', zh: '检查买家留言。' },
    },
    sellerMemo: {
      label: { en: 'Seller memo', zh: '卖家备注' },
      help: { en: 'Count a seller (customer service) memo.', zh: '检查卖家（客服）备注。' },
    },
  },
  compile: (p) => {
    const checks: NestedCondition[] = [];
    if (p.buyerMessage) checks.push(hasText('buyerMessage'));
    if (p.sellerMemo) checks.push(hasText('sellerMemo'));
    return anyOf(checks);
  },
  validate: (p) =>
    p.buyerMessage || p.sellerMemo
      ? []
      : [
          {
            code: 'content_invalid',
            path: 'buyerMessage',
            message: 'remarkPresent: tick the buyer message, the seller memo or both',
          },
        ],
});

const colour = z.enum(SELLER_FLAGS).exclude(['none']);

export const sellerFlagPreset = definePreset({
  id: 'sellerFlag',
  label: { en: 'Seller flag', zh: '卖家旗帜' },
  help: {
    en: 'Holds when customer service set a flag on the order: any colour, or only the colours listed.',
    zh: '客服给订单插了旗时成立：任意颜色，或只限所选颜色。',
  },
  params: z.object({ colours: z.array(colour).default(() => []) }),
  fields: {
    colours: {
      label: { en: 'Colours', zh: '旗帜颜色' },
      help: { en: 'Leave empty for any colour.', zh: '留空表示任意颜色。' },
    },
  },
  compile: ({ colours }) =>
    colours.length ? leaf('sellerFlag', 'in', colours) : leaf('sellerFlag', 'notEqual', 'none'),
});

export const invoicePreset = definePreset({
  id: 'invoice',
  label: { en: 'Invoice asked', zh: '需开发票' },
  help: {
    en: 'Holds when the buyer asked for an invoice on the platform, or (if ticked) remark parsing found an invoice title or tax id.',
    zh: '买家在平台申请了发票，或（勾选时）备注解析提取到发票抬头或税号时成立。',
  },
  params: z.object({ fromRemark: z.boolean().default(false) }),
  fields: {
    fromRemark: {
      label: { en: 'Also from remarks', zh: '包括备注中的发票信息' },
      help: {
        en: 'Also count extracted.invoiceTitle / extracted.invoiceTaxId written by a remark parsing stage.',
        zh: '同时检查备注解析写入的 extracted.invoiceTitle / extracted.invoiceTaxId。',
      },
    },
  },
  compile: ({ fromRemark }) => {
    const asked = leaf('invoiceRequested', 'equal', true);
    if (!fromRemark) return asked;
    return { any: [asked, hasText('extracted.invoiceTitle'), hasText('extracted.invoiceTaxId')] };
  },
});
