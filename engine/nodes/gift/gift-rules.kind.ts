import { defineNodeKind, type FieldHints } from '../node-kind.ts';
import { giftEvent } from './gift.event.ts';
import { type GiftRulesParams, GiftRulesParamsSchema } from './gift-rule.schema.ts';
import { giftRulesEvent } from './gift-rules.event.ts';
import { validateGiftRules } from './validate-gift-rules.ts';

export const giftRulesFields: FieldHints = {
  rules: {
    label: { en: 'Rules', zh: '规则' },
    help: {
      en: 'Tried top to bottom; every rule whose conditions hold gives its gift, until an exclusive one does.',
      zh: '自上而下执行；条件满足的规则都送赠品，直到某条互斥规则送出为止。',
    },
  },
  'rules[].id': {
    label: { en: 'Rule id', zh: '规则编号' },
    help: {
      en: 'Caps are counted under this id: renaming it restarts them.',
      zh: '限量按此编号计数，改名会重新计数。',
    },
  },
  'rules[].gift': {
    label: { en: 'Gift', zh: '赠品' },
    help: {
      en: 'The SKU and qty given (per set with multiples).',
      zh: '赠送的商品和数量（按套计时为每套数量）。',
    },
    widget: 'sku',
  },
  'rules[].gift.fallback': {
    label: { en: 'Fallback gift', zh: '替补赠品' },
    help: {
      en: 'Given when the gift is out of stock in every warehouse that stocks it, or its caps are used up.',
      zh: '赠品在所有备货仓库都缺货，或限量已送完时，改送此商品。',
    },
    widget: 'sku',
  },
  'rules[].when.spend': {
    label: { en: 'Spend bands', zh: '满额档位' },
    help: {
      en: 'Only the highest band reached gives its gift (满99送a, 满199送b). Basis: paid amount or order total.',
      zh: '只送达到的最高档位赠品（满99送a，满199送b）。依据：实付金额或订单总额。',
    },
  },
  'rules[].when.itemCount': {
    label: { en: 'Item count', zh: '购买件数' },
    help: {
      en: 'At least this many units, of the listed SKUs when given.',
      zh: '至少购买的件数，可限定商品。',
    },
    widget: 'sku',
  },
  'rules[].when.buys': {
    label: { en: 'Buys SKUs', zh: '购买商品' },
    help: { en: 'Any of, all of, none of these SKUs.', zh: '任一、全部、不含这些商品。' },
    widget: 'sku',
  },
  'rules[].when.multiple': {
    label: { en: 'Per multiple', zh: '每满N件' },
    help: {
      en: 'One set per N units of the listed SKUs, up to the max sets (每满2件送1套, 最多3套).',
      zh: '所列商品每满N件送一套，最多若干套（每满2件送1套，最多3套）。',
    },
    widget: 'sku',
  },
  'rules[].when.memberLevel': {
    label: { en: 'Member level at least', zh: '会员等级不低于' },
    help: { en: "The buyer's member level on the platform.", zh: '买家在平台的会员等级。' },
  },
  'rules[].when.firstOrder': {
    label: { en: 'First order', zh: '首单' },
    help: {
      en: 'Yes: the buyer has no earlier order here. No: returning buyers only. Orders without a buyer id never count as first.',
      zh: '是：买家此前无订单；否：仅老客。无买家编号的订单不算首单。',
    },
  },
  'rules[].when.remarkKeywords': {
    label: { en: 'Remark keywords', zh: '备注关键词' },
    help: {
      en: 'Any of these in the buyer message or seller memo.',
      zh: '买家留言或卖家备注包含任一关键词。',
    },
    widget: 'keywords',
  },
  'rules[].when.labels': {
    label: { en: 'Coupon or label codes', zh: '优惠码/订单标签' },
    help: { en: 'Any of these among the order labels.', zh: '订单标签包含任一代码。' },
    widget: 'keywords',
  },
  'rules[].when.shops': {
    label: { en: 'Shops', zh: '店铺' },
    help: { en: 'Only orders from these shops; empty means all.', zh: '仅限这些店铺的订单；留空表示全部。' },
    widget: 'shop',
  },
  'rules[].when.regions': {
    label: { en: 'Regions', zh: '地区' },
    help: {
      en: 'Receiver in one of these provinces, cities or districts.',
      zh: '收货地址在这些省市区之一。',
    },
    widget: 'region',
  },
  'rules[].when.window': {
    label: { en: 'Time window', zh: '活动时间' },
    help: {
      en: 'On pay or created time; start included, end excluded; write times with +08:00.',
      zh: '按付款或下单时间；含开始、不含结束；时间请带 +08:00。',
    },
  },
  'rules[].caps': {
    label: { en: 'Caps', zh: '限量' },
    help: {
      en: 'Total units, units per day (pay date, China time), per buyer, first N orders; counted in processing order.',
      zh: '总数量、每日数量（按付款日，北京时间）、每人数量、前N单；按处理顺序计数。',
    },
  },
  'rules[].exclusive': {
    label: { en: 'Exclusive', zh: '互斥' },
    help: {
      en: 'When this rule gives a gift, later rules are skipped.',
      zh: '本规则送出赠品后，跳过后续规则。',
    },
  },
};

/**
 * A promotion (赠品): a list of gift rules tried in order. It emits one `gift.rules` event whose
 * params are the rules; the event evaluates them against the order and the state when applied.
 */
export const giftRulesKind = defineNodeKind<GiftRulesParams>({
  kind: 'giftRules',
  version: 1,
  group: 'gift',
  label: { en: 'Gift rules', zh: '赠品规则' },
  description: {
    en: 'Gives gifts by spend band, item count, SKUs bought, member level, first order, remark or coupon, shop, region and time window, within caps; exclusive rules stop later ones.',
    zh: '按满额档位、件数、购买商品、会员等级、首单、备注或优惠码、店铺、地区、时间段送赠品，受限量控制；互斥规则命中后不再执行后续规则。',
  },
  schema: GiftRulesParamsSchema,
  defaults: () =>
    GiftRulesParamsSchema.parse({
      rules: [{ id: 'rule-1', when: { spend: { bands: [{ min: 99, gift: { sku: 'GIFT' } }] } } }],
    }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: validateGiftRules,
  emit: (content) => [{ key: '', condition: null, event: { type: 'gift.rules', params: content } }],
  fields: giftRulesFields,
  events: [giftRulesEvent, giftEvent],
  migrations: {},
});
