import { definePlugin } from '@ordergraph/plugin-sdk';

/**
 * 买家留言分类: an operator for conditions, `buyerMessage plugin:remarkClassifier "urge"`, true when the
 * message falls in that category: 催发货 urge, 改地址 address_change, 投诉 complaint, 发票 invoice, or other.
 */
const CATEGORIES = ['urge', 'address_change', 'complaint', 'invoice', 'other'] as const;
type Category = (typeof CATEGORIES)[number];

// Checked in this order: a complaint that also asks to hurry is a complaint first.
const KEYWORDS: [Category, RegExp][] = [
  ['complaint', /投诉|差评|12315|举报|骗子|太差|垃圾/],
  ['address_change', /改地址|修改地址|更改地址|换地址|地址(?:写|填)?错|改(?:一下)?收货/],
  ['invoice', /发票|开票|税号|抬头/],
  ['urge', /催|尽快|快点|加急|急用|赶紧|今天发|马上发|什么时候发/],
];

export function classify(message: string): Category {
  const text = message.replace(/\s+/g, '');
  return KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

export default definePlugin({
  manifest: {
    kind: 'operator',
    id: 'remarkClassifier',
    version: '1.0.0',
    name: '买家留言分类 Remark classifier',
    inputs: {
      fact: { type: 'string', description: 'a remark: buyerMessage or sellerMemo' },
      value: { type: 'string', enum: CATEGORIES },
    },
  },
  run({ fact, value }) {
    return classify(fact) === value;
  },
});
