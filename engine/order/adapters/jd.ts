import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderIssue, OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import {
  chinaTime,
  eachElement,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  record,
  requiredTime,
  text,
  yuan,
} from './raw-fields.ts';

/**
 * JD POP order (jingdong.pop.order.get, its encrypted twin jingdong.pop.order.enGet, order search),
 * bare or in its response envelope.
 */

const ENVELOPES = [
  ['jingdong_pop_order_get_responce', 'orderDetailInfo', 'orderInfo'],
  ['jingdong_pop_order_enGet_responce', 'orderDetailInfo', 'orderInfo'],
  ['orderInfo'],
] as const;

const STATUS: Record<string, StandardOrder['status']> = {
  WAIT_SELLER_STOCK_OUT: 'paid',
  WAIT_SELLER_DELIVERY: 'paid',
  LOCKED: 'paid',
  PAUSE: 'paid',
  POP_ORDER_PAUSE: 'paid',
  SEND_TO_DISTRIBUTION_CENER: 'shipped',
  DISTRIBUTION_CENTER_RECEIVED: 'shipped',
  WAIT_GOODS_RECEIVE_CONFIRM: 'shipped',
  RECEIPTS_CONFIRM: 'shipped',
  FINISHED_L: 'completed',
  TRADE_CANCELED: 'cancelled',
};

/** JD stops these orders itself; approval strategies should hold them. */
const PLATFORM_HOLDS: Record<string, OrderIssue> = {
  LOCKED: {
    code: 'platform_locked',
    field: 'orderState',
    message: 'JD has locked the order (LOCKED), usually while the buyer asks to cancel',
  },
  PAUSE: { code: 'platform_paused', field: 'orderState', message: 'JD has paused the order (PAUSE)' },
  POP_ORDER_PAUSE: {
    code: 'platform_paused',
    field: 'orderState',
    message: 'JD has paused the order (POP_ORDER_PAUSE)',
  },
};

export function adaptJd(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'orderInfo', idOf, toStandard);
}

const idOf = (o: RawRecord) => rawId(o.orderId, 'orderId');

/**
 * The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`.
 * JD states no refund, and the refund amount is 0, so the refund status is `none`.
 */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const paidAt = chinaTime(o.paymentConfirmTime, 'paymentConfirmTime');
  // payType is "1-货到付款" or "4-在线支付"; some exports send the bare number.
  const isCod = /^1(-|$)/.test(text(o.payType).trim());
  const { status, issues } = mapStatus(STATUS, o.orderState, 'orderState', paidAt !== null);
  const hold = PLATFORM_HOLDS[text(o.orderState)];
  const consignee = o.consigneeInfo === undefined ? {} : record(o.consigneeInfo, 'consigneeInfo');
  const presale = presaleOf(o);
  return {
    id,
    platform: 'jd',
    shop: text(o.venderId),
    type: isCod ? 'cod' : presale ? 'presale' : 'normal',
    status,
    payStatus: isCod || !paidAt ? 'unpaid' : presale === 'balanceUnpaid' ? 'partPaid' : 'paid',
    refundStatus: 'none',
    createdAt: requiredTime(o.orderStartTime, 'orderStartTime'),
    paidAt,
    amounts: {
      // orderTotalPrice is the goods before discounts and freight; orderPayment is what the buyer pays.
      total: yuan(o.orderTotalPrice, 'orderTotalPrice'),
      paid: yuan(o.orderPayment, 'orderPayment'),
      freight: yuan(o.freightPrice, 'freightPrice'),
      discount: yuan(o.sellerDiscount, 'sellerDiscount'),
      refund: 0,
    },
    buyer: { id: text(o.open_id_buyer) || text(o.pin), nick: text(o.pin), memberLevel: 0 },
    receiver: {
      name: text(consignee.fullname),
      phone: text(consignee.mobile) || text(consignee.telephone),
      province: text(consignee.province),
      city: text(consignee.city),
      district: text(consignee.county),
      address: detailAddress(consignee),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(o.orderRemark),
    sellerMemo: text(o.venderRemark),
    sellerFlag: 'none',
    invoiceRequested: invoiceRequested(o),
    labels: [],
    lines: items(o.itemInfoList, presale !== undefined),
    totals: TOTALS_TO_COME,
    issues: hold ? [...issues, hold] : issues,
  };
}

/** fullAddress repeats the regions ("北京朝阳区三环到四环之间望京…"); the standard address is the rest. */
function detailAddress(c: RawRecord): string {
  const full = text(c.fullAddress).trim();
  const rest = withoutPrefix(
    withoutPrefix(withoutPrefix(withoutPrefix(full, text(c.province)), text(c.city)), text(c.county)),
    text(c.town),
  );
  return rest || full;
}

function withoutPrefix(rest: string, part: string): string {
  return part && rest.startsWith(part) ? rest.slice(part.length).trimStart() : rest;
}

function invoiceRequested(o: RawRecord): boolean {
  if (text((o.invoiceEasyInfo as RawRecord | undefined)?.invoiceTitle)) return true;
  const info = text(o.invoiceInfo).trim();
  return info !== '' && !info.includes('不需要');
}

/**
 * JD's order has no presale field of its own. Its flags do: `sendpayMap` (the order's sendpay, as a
 * map of position to value) has "1" at 297 for a presale whose balance is not paid yet, the flag
 * JD's own distribution code reads to print 预 on the waybill. An order whose balance is paid keeps
 * only JD's words for it: 预售 in `orderStateRemark` or among the marks of `orderMarkDesc`.
 * `orderType` is the business model (22 SOP, 25 SOPL, 75 LOC), not the sale, so it decides nothing.
 */
function presaleOf(o: RawRecord): 'balanceUnpaid' | 'presale' | undefined {
  if (text(sendpay(o.sendpayMap)[PRESALE_UNPAID_POSITION]) === '1') return 'balanceUnpaid';
  return saysPresale(o.orderStateRemark) || marksSayPresale(o.orderMarkDesc) ? 'presale' : undefined;
}

function saysPresale(words: unknown): boolean {
  return text(words).includes('预售');
}

/** `orderMarkDesc` is text, or a map whose keys and values are marks. */
function marksSayPresale(marks: unknown): boolean {
  if (typeof marks !== 'object' || marks === null) return saysPresale(marks);
  return Object.entries(marks as RawRecord).some(([key, value]) => saysPresale(key) || saysPresale(value));
}

const PRESALE_UNPAID_POSITION = '297';

/** `sendpayMap` comes as JSON text ("{\"297\":\"1\"}") from the API and as an object from some exports. */
function sendpay(value: unknown): RawRecord {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as RawRecord;
  if (typeof value !== 'string' || !value.trim().startsWith('{')) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as RawRecord) : {};
  } catch {
    return {}; // a flag map JD garbled is no reason to refuse the order
  }
}

function items(list: unknown, isPresale: boolean): OrderLine[] {
  if (!Array.isArray(list) || list.length === 0)
    throw rawFieldError('itemInfoList', 'the order has no items');
  return eachElement(list, 'itemInfoList', (item) => line(item, isPresale));
}

/** One item; errors name its fields from the item (`eachElement`). */
function line(item: RawRecord, isPresale: boolean): OrderLine {
  const sku = text(item.outerSkuId) || text(item.skuId);
  if (!sku) throw rawFieldError('skuId', 'the item has no SKU (outerSkuId or skuId)');
  return {
    sku,
    name: text(item.skuName),
    qty: quantity(item.itemTotal, 'itemTotal'),
    price: yuan(item.jdPrice, 'jdPrice'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift: false,
    isPresale,
    refundStatus: 'none',
  };
}
