import { type ContentIssue, defineNodeKind, type FieldHints } from '../node-kind.ts';
import { carrierEvent } from './carrier.event.ts';
import { type CarrierChain, CarrierChainSchema } from './carrier-chain.schema.ts';
import { validateCarrierChain } from './carrier-chain.validate.ts';

const SKIPPED = {
  en: 'A carrier that excludes the destination, has no freight rate there, or cannot take a COD order is skipped (the reason is in the decision) and the next proposal is tried.',
  zh: '排除收货地、无该地运费或不支持货到付款（COD 订单）的快递会被跳过（原因写入决策），继续尝试下一个。',
};

/** Editor hints, keyed by the field's path in the content. */
export const carrierChainFields: FieldHints = {
  mode: {
    label: { en: 'Mode', zh: '模式' },
    help: {
      en: 'precedence: platform > remark > SKU > shop > weight > area > warehouse, the first usable proposal wins. cheapest: platform > remark > the cheapest allowed carrier for the destination province and weight.',
      zh: '优先级：平台 > 备注 > 商品 > 店铺 > 重量 > 地区 > 仓库，第一个可用的快递胜出。最便宜：平台 > 备注 > 按收货省份和重量最便宜的可用快递。',
    },
  },
  platform: {
    label: { en: '1. Platform-forced', zh: '1. 平台强制' },
    help: {
      en: 'Rules a platform imposes, e.g. JD + type cod → JD; Douyin + label "顺丰包邮" → SF. Every condition given must hold; empty conditions match any order.',
      zh: '平台强制的规则，如 京东 + 货到付款 → 京东物流；抖音 + 标签"顺丰包邮" → 顺丰。所填条件须全部满足，留空表示任意。',
    },
    widget: 'carrier',
  },
  'remark.enabled': {
    label: { en: '2. Honour remark requests', zh: '2. 采用备注指定' },
    help: {
      en: 'Use the carrier remark parsing found (extracted.carrierRequest, e.g. "发顺丰", {W:SF}).',
      zh: '采用备注解析得到的快递（extracted.carrierRequest，如"发顺丰"、{W:SF}）。',
    },
  },
  'remark.allowed': {
    label: { en: 'Carriers a remark may choose', zh: '备注可指定的快递' },
    help: {
      en: 'A request for any other carrier is skipped. Empty: any carrier of the client.',
      zh: '指定其他快递时跳过该请求。留空表示客户的任意快递。',
    },
    widget: 'carrier',
  },
  sku: {
    label: { en: '3. By SKU', zh: '3. 按商品' },
    help: {
      en: 'When any line of the order is one of the SKUs, use the carrier. First rule in the list wins.',
      zh: '订单任一商品属于所列 SKU 时使用该快递。按列表顺序取第一条。',
    },
    widget: 'sku',
  },
  shop: {
    label: { en: '4. By shop', zh: '4. 按店铺' },
    help: { en: "The order's shop → carrier.", zh: '订单店铺 → 快递。' },
    widget: 'shop',
  },
  weight: {
    label: { en: '5. By weight band', zh: '5. 按重量段' },
    help: {
      en: 'From minKg (inclusive) to maxKg (exclusive; empty = no limit) → carrier. The weight is what ships: order line weights, else the client SKU weights, refunded lines left out.',
      zh: 'minKg（含）至 maxKg（不含，留空为不限）→ 快递。重量为实际发货重量：取订单行重量，缺失时取主数据 SKU 重量，不含已退款行。',
    },
  },
  area: {
    label: { en: '6. By area', zh: '6. 按地区' },
    help: {
      en: 'Destination within any of the regions (provinces, cities, districts) → carrier.',
      zh: '收货地属于所列地区（省、市、区）→ 快递。',
    },
    widget: 'region',
  },
  warehouse: {
    label: { en: '7. Warehouse default', zh: '7. 仓库默认快递' },
    help: {
      en: 'The warehouse routing chose → its default carrier.',
      zh: '分仓选定的仓库 → 其默认快递。',
    },
    widget: 'warehouse',
  },
  cheapestAmong: {
    label: { en: 'Cheapest among', zh: '比价范围' },
    help: {
      en: 'cheapest mode: the carriers to compare by freight table (first kg + each started extra kg to the destination). Ties go to the earlier one. Empty: every carrier of the client.',
      zh: 'cheapest 模式：参与比价的快递（首重 + 续重，按收货地运费表）。价格相同时取靠前者。留空表示客户的全部快递。',
    },
    widget: 'carrier',
  },
};

/**
 * 快递 as one node. The levels' order is fixed, as real OMS products fix it: platform-forced >
 * remark-specified > SKU > shop > weight > area > warehouse default; within a level, the rules in
 * list order. The node only fills the levels.
 */
export const carrierChainKind = defineNodeKind<CarrierChain>({
  kind: 'carrierChain',
  version: 1,
  group: 'carrier',
  label: { en: 'Carrier precedence', zh: '快递优先级' },
  description: {
    en: `Chooses the carrier by fixed precedence: platform-forced > remark-specified > SKU > shop > weight band > area > warehouse default; none → hold "no_carrier". Cheapest mode keeps platform and remark, then takes the cheapest allowed carrier by freight table. ${SKIPPED.en}`,
    zh: `按固定优先级选择快递：平台强制 > 备注指定 > 商品 > 店铺 > 重量段 > 地区 > 仓库默认；都不满足则拦截 "no_carrier"。最便宜模式保留平台强制与备注指定，其后按运费表选最便宜的可用快递。${SKIPPED.zh}`,
  },
  schema: CarrierChainSchema,
  defaults: () => ({
    mode: 'precedence',
    platform: [],
    remark: { enabled: true, allowed: [] },
    sku: [],
    shop: [],
    weight: [],
    area: [],
    warehouse: [],
    cheapestAmong: [],
  }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: (content, context): ContentIssue[] => validateCarrierChain(content, context),
  emit: (content) => [{ key: '', condition: null, event: { type: 'carrier', params: { chain: content } } }],
  fields: carrierChainFields,
  events: [carrierEvent],
  migrations: {},
});
