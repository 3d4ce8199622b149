import {
  ORDER_STATUSES,
  ORDER_TYPES,
  PAY_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
  SELLER_FLAGS,
} from '../../engine/order/schema.ts';

/** How a CSV cell is read for a standard order field. */
export type CellKind = 'text' | 'money' | 'number' | 'integer' | 'boolean' | 'time' | 'list' | 'enum';

/**
 * The standard order fields a CSV column can fill, and how its cells are read. `lines.*` fields
 * come from every row of the order (one row per order line); the others from the order's rows,
 * the first non-empty cell winning, since exports often leave them blank after the first line. An
 * order-level export maps no `lines.*` field: its orders have no lines.
 */
export const CSV_FIELDS = {
  id: 'text',
  platform: 'enum',
  shop: 'text',
  type: 'enum',
  status: 'enum',
  payStatus: 'enum',
  refundStatus: 'enum',
  createdAt: 'time',
  paidAt: 'time',
  'amounts.total': 'money',
  'amounts.paid': 'money',
  'amounts.freight': 'money',
  'amounts.discount': 'money',
  'amounts.refund': 'money',
  'buyer.id': 'text',
  'buyer.nick': 'text',
  'buyer.memberLevel': 'integer',
  'receiver.name': 'text',
  'receiver.phone': 'text',
  'receiver.province': 'text',
  'receiver.city': 'text',
  'receiver.district': 'text',
  'receiver.address': 'text',
  'receiver.provinceCode': 'text',
  'receiver.cityCode': 'text',
  'receiver.districtCode': 'text',
  'receiver.oaid': 'text',
  buyerMessage: 'text',
  sellerMemo: 'text',
  sellerFlag: 'enum',
  invoiceRequested: 'boolean',
  labels: 'list',
  'lines.sku': 'text',
  'lines.name': 'text',
  'lines.qty': 'integer',
  'lines.price': 'money',
  'lines.weightKg': 'number',
  'lines.volumeL': 'number',
  'lines.category': 'text',
  'lines.isGift': 'boolean',
  'lines.isPresale': 'boolean',
  'lines.refundStatus': 'enum',
} as const satisfies Record<string, CellKind>;

export type CsvField = keyof typeof CSV_FIELDS;
export const CSV_FIELD_NAMES = Object.keys(CSV_FIELDS) as [CsvField, ...CsvField[]];

export const ENUM_VALUES: Readonly<Partial<Record<CsvField, readonly string[]>>> = {
  platform: PLATFORMS,
  type: ORDER_TYPES,
  status: ORDER_STATUSES,
  payStatus: PAY_STATUSES,
  refundStatus: REFUND_STATUSES,
  sellerFlag: SELLER_FLAGS,
  'lines.refundStatus': REFUND_STATUSES,
};

const REFUND_WORDS = {
  无: 'none',
  // Pinduoduo's back office exports 售后状态 so.
  无售后或售后取消: 'none',
  售后处理中: 'pending',
  退款中: 'pending',
  部分退款: 'partRefunded',
  已退款: 'refunded',
  退款成功: 'refunded',
};

/** What Chinese OMS exports write for the enum values; a mapping's `values` add to and override these. */
export const BUILTIN_VALUES: Readonly<Partial<Record<CsvField, Readonly<Record<string, string>>>>> = {
  platform: {
    天猫: 'tmall',
    淘宝: 'taobao',
    京东: 'jd',
    抖音: 'douyin',
    抖店: 'douyin',
    拼多多: 'pdd',
    快手: 'kuaishou',
    小红书: 'xiaohongshu',
    视频号: 'channels',
    视频号小店: 'channels',
    其他: 'other',
  },
  type: {
    普通: 'normal',
    普通订单: 'normal',
    预售: 'presale',
    货到付款: 'cod',
    换货: 'exchange',
    补发: 'resend',
  },
  status: {
    待付款: 'pending',
    已付款: 'paid',
    待发货: 'paid',
    已发货: 'shipped',
    已完成: 'completed',
    交易成功: 'completed',
    已关闭: 'closed',
    交易关闭: 'closed',
    已取消: 'cancelled',
    // Pinduoduo's back office exports 订单状态 so.
    '已发货，待签收': 'shipped',
    已签收: 'completed',
    '未发货，退款成功': 'closed',
    '已发货，退款成功': 'closed',
  },
  payStatus: { 未付款: 'unpaid', 待付款: 'unpaid', 部分付款: 'partPaid', 已付款: 'paid', 已支付: 'paid' },
  refundStatus: REFUND_WORDS,
  'lines.refundStatus': REFUND_WORDS,
  sellerFlag: { 无: 'none', 灰: 'none', 红: 'red', 黄: 'yellow', 绿: 'green', 蓝: 'blue', 紫: 'purple' },
};
