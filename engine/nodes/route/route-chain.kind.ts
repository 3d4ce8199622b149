import { type ContentIssue, defineNodeKind, type FieldHints } from '../node-kind.ts';
import { routeEvent } from './route.event.ts';
import { type RouteChain, RouteChainSchema } from './route-chain.schema.ts';
import { validateRouteChain } from './route-chain.validate.ts';

/** Editor hints, keyed by the field's path in the content; `steps.<step>.<field>` for the fields of each step kind. */
export const routeChainFields: FieldHints = {
  candidates: {
    label: { en: 'Candidate warehouses', zh: '候选仓' },
    help: {
      en: 'The warehouses the chain starts from. Empty: every warehouse of the client.',
      zh: '筛选的起点。留空表示客户的全部仓库。',
    },
    widget: 'warehouse',
  },
  steps: {
    label: { en: 'Steps', zh: '筛选步骤' },
    help: {
      en: 'Run top to bottom, each keeping only the warehouses that pass. Binding and area come before stock; the rank step comes last.',
      zh: '自上而下依次执行，每一步只保留通过的仓库。绑定、区域在库存之前；排序放在最后。',
    },
  },
  'steps.binding.useClientBindings': {
    label: { en: "Use warehouses' shop bindings", zh: '使用仓库的店铺绑定' },
    help: {
      en: "Keep only warehouses whose own shop and platform lists (client master data) include the order's; an empty list serves all.",
      zh: '只保留主数据中绑定了该订单店铺和平台的仓库；仓库未设置绑定表示服务全部店铺。',
    },
  },
  'steps.binding.rules': {
    label: { en: 'Shop → warehouses', zh: '店铺 → 仓库' },
    help: {
      en: "The first rule whose shops and platforms match the order (empty matches any) limits it to that rule's warehouses.",
      zh: '第一条店铺、平台与订单匹配的规则（留空表示任意）把订单限定在该规则的仓库内。',
    },
    widget: 'shop',
  },
  'steps.area.useClientCovers': {
    label: { en: "Use warehouses' coverage", zh: '使用仓库的覆盖区域' },
    help: {
      en: 'Keep only warehouses whose covers include the destination (empty: nationwide) and do not exclude it.',
      zh: '只保留覆盖区域包含收货地（留空为全国）且未排除收货地的仓库。',
    },
  },
  'steps.area.rules': {
    label: { en: 'Extra area limits', zh: '附加区域限制' },
    help: {
      en: 'The listed warehouses (empty: all) deliver only within "include" (empty: anywhere) and never to "exclude". Provinces, cities or districts.',
      zh: '所列仓库（留空为全部）只发往"包含"区域（留空为任意），不发往"排除"区域。可填省、市、区。',
    },
    widget: 'region',
  },
  'steps.stock.onNoSingleFit': {
    label: { en: 'When no warehouse holds every line', zh: '无单仓能发全部商品时' },
    help: {
      en: 'split: ship from several warehouses, greedily fewest parcels, nearest first, reserving the stock; hold: hold "stock_short" naming the SKUs; ignore: route as if stock did not matter.',
      zh: '拆单：多仓拆包发货，贪心求最少包裹、就近优先，并预占库存；拦截：以 "stock_short" 拦截并列出缺货 SKU；忽略：不看库存继续分仓。',
    },
  },
  'steps.rank.by': {
    label: { en: 'Rank by', zh: '排序方式' },
    help: {
      en: 'nearest: same district > same city > same province > same macro-region (华东, 华南 …) > nationwide. cheapest: handling cost plus the cheapest freight for the order weight to the destination. priority: the order of the list below.',
      zh: '就近：同区 > 同市 > 同省 > 同大区（华东、华南…）> 全国。最便宜：仓库操作费 + 按订单重量到收货地的最低运费。优先级：按下方列表顺序。',
    },
  },
  'steps.rank.priority': {
    label: { en: 'Warehouse priority (first = preferred)', zh: '仓库优先级（越靠前越优先）' },
    help: {
      en: 'The first warehouse listed is preferred. For priority it is the whole ranking; for nearest and cheapest it breaks ties. Unlisted warehouses come last, by id.',
      zh: '列表第一个最优先。priority 模式下即完整排序；nearest、cheapest 模式下用于打破平局。未列出的仓库排在最后，按编号排序。',
    },
    widget: 'warehouse',
  },
  'steps.rank.carrier': {
    label: { en: 'Price freight with', zh: '运费按此快递计算' },
    help: {
      en: 'cheapest only: price freight with this carrier. Empty: the cheapest carrier that delivers there (and takes COD for a COD order).',
      zh: '仅用于“最便宜”：按此快递计算运费。留空表示能送达（货到付款订单需支持 COD）的最便宜快递。',
    },
    widget: 'carrier',
  },
  defaultWarehouse: {
    label: { en: 'Default warehouse', zh: '默认仓' },
    help: {
      en: 'Takes the order when a step leaves no warehouse. Empty: hold the order "no_warehouse".',
      zh: '某一步筛空时由此仓发货。留空则拦截 "no_warehouse"。',
    },
    widget: 'warehouse',
  },
};

/**
 * 分仓 as one node: the order's candidate warehouses narrowed step by step, in the order the
 * steps are listed, until the rank step picks one. The chain is evaluated per order when its
 * `route` event is applied, because it reads stock and the client's master data.
 */
export const routeChainKind = defineNodeKind<RouteChain>({
  kind: 'routeChain',
  version: 1,
  group: 'routing',
  label: { en: 'Warehouse routing chain', zh: '分仓链' },
  description: {
    en: 'Narrows the candidate warehouses step by step — shop/platform binding, area covered, stock — then ranks what is left (nearest, cheapest or a fixed priority). When a step leaves none, the default warehouse takes the order; with no default it is held "no_warehouse".',
    zh: '逐步筛选候选仓：店铺/平台绑定 → 覆盖区域 → 库存，再对剩余仓库排序（就近、最便宜或固定优先级）。某一步筛空时走默认仓；没有默认仓则拦截 "no_warehouse"。',
  },
  schema: RouteChainSchema,
  defaults: () => ({
    candidates: [],
    steps: [
      { step: 'binding', useClientBindings: true, rules: [] },
      { step: 'area', useClientCovers: true, rules: [] },
      { step: 'stock', onNoSingleFit: 'split' },
      { step: 'rank', by: 'nearest', priority: [] },
    ],
  }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate: (content, context): ContentIssue[] => validateRouteChain(content, context),
  emit: (content) => [{ key: '', condition: null, event: { type: 'route', params: { chain: content } } }],
  fields: routeChainFields,
  events: [routeEvent],
  migrations: {},
});
