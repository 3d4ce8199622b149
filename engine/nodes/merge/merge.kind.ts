import { defineNodeKind, type FieldHints } from '../node-kind.ts';
import { mergeEvent } from './merge.event.ts';
import { type MergeParams, MergeParamsSchema } from './merge.schema.ts';

export const mergeFields: FieldHints = {
  windowHours: {
    label: { en: 'Window (hours)', zh: '合单时间窗（小时）' },
    help: {
      en: "Orders paid within this many hours of a group's first order join it. Shop, buyer, receiver name, phone and address always have to match; COD orders never merge.",
      zh: '在同组第一单付款后这么多小时内付款的订单并入该组。店铺、买家、收件人、电话、地址必须相同；货到付款订单从不合单。',
    },
  },
  'match.warehouse': {
    label: { en: 'Same warehouse only', zh: '仅合并同仓订单' },
    help: {
      en: 'Only orders routing sent to the same warehouse merge.',
      zh: '只合并分仓结果相同的订单。',
    },
  },
  'match.carrier': {
    label: { en: 'Same carrier only', zh: '仅合并同快递订单' },
    help: { en: 'Only orders given the same carrier merge.', zh: '只合并快递相同的订单。' },
  },
  'match.addressee': {
    label: { en: 'Same open addressee id (OAID) only', zh: '仅合并收件人ID (OAID) 相同的订单' },
    help: {
      en: "For masked receivers (王**, 138****5678): an order with the platform's open addressee id merges only with orders of the same id. Safe where masks look alike, but platforms may give one receiver several ids (Taobao's can differ from trade to trade, Pinduoduo's from day to day): send the id your OMS merged through the platform's merge API, or expect fewer merges. Pinduoduo's orders name no buyer: they merge only with this on.",
      zh: '针对脱敏收件人（王**、138****5678）：带平台收件人ID的订单只与ID相同的订单合并。脱敏信息相同也不会误合，但平台可能给同一收件人多个ID（淘宝可能每单不同，拼多多按天不同）：请传入 OMS 经平台合单接口合并后的ID，否则合单会变少。拼多多订单不含买家ID，仅在开启此项时合单。',
    },
  },
  allowPresale: {
    label: { en: 'Merge presale orders', zh: '预售订单参与合单' },
    help: {
      en: 'Presale orders merge with other presale orders; off, each ships on its own.',
      zh: '开启后预售订单之间可以合并；关闭则预售订单单独发货。',
    },
  },
};

/**
 * Merge (合单): emits one `merge` event whose params are these settings. It runs after routing and
 * carrier, so it can match on the warehouse and carrier they chose, and before tags, so tag rules can
 * read `decision.merged`.
 */
export const mergeKind = defineNodeKind<MergeParams>({
  kind: 'merge',
  version: 1,
  group: 'merge',
  label: { en: 'Merge orders', zh: '合单' },
  description: {
    en: "Ships a buyer's orders to the same receiver and address, paid within some hours of each other, as one parcel; never COD orders, presale ones only if asked.",
    zh: '同一买家、同一收件人和地址、在若干小时内付款的订单合并为一个包裹发货；货到付款订单不合并，预售订单可选。',
  },
  schema: MergeParamsSchema,
  defaults: () => MergeParamsSchema.parse({}),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: () => [],
  emit: (content) => [{ key: '', condition: null, event: { type: 'merge', params: content } }],
  fields: mergeFields,
  events: [mergeEvent],
  migrations: {},
});
