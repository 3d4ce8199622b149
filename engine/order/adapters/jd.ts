import { type NormaliseContext, normaliseOrder } from '../normalise.ts';
import type { OrderIssue, StandardOrder, StandardOrderInput } from '../schema.ts';
import {
  chinaTime,
  locate,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  record,
  requiredTime,
  text,
  unwrap,
  yuan,
} from './raw-fields.ts';

/** JD POP order (jingdong.pop.order.get / order search), bare or in its response envelope. */

const ENVELOPES = [
  ['jingdong_pop_order_get_responce', 'orderDetailInfo', 'orderInfo'],
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
  return locate({ line: context.line }, () => {
    const order = record(unwrap(raw, ENVELOPES), 'orderInfo');
    const id = rawId(order.orderId, 'orderId');
    return locate({ orderId: id }, () => normaliseOrder(toStandard(order, id), context));
  });
}

function toStandard(o: RawRecord, id: string): StandardOrderInput {
  const paidAt = chinaTime(o.paymentConfirmTime, 'paymentConfirmTime');
  // payType is "1-货到付款" or "4-在线支付"; some exports send the bare number.
  const isCod = /^1(-|$)/.test(text(o.payType).trim());
  const { status, issues } = mapStatus(STATUS, o.orderState, 'orderState', paidAt !== null);
  const hold = PLATFORM_HOLDS[text(o.orderState)];
  const consignee = o.consigneeInfo === undefined ? {} : record(o.consigneeInfo, 'consigneeInfo');
  return {
    id,
    platform: 'jd',
    shop: text(o.venderId),
    type: isCod ? 'cod' : 'normal',
    status,
    payStatus: isCod || !paidAt ? 'unpaid' : 'paid',
    createdAt: requiredTime(o.orderStartTime, 'orderStartTime'),
    paidAt,
    amounts: {
      // orderTotalPrice is the goods before discounts and freight; orderPayment is what the buyer pays.
      total: yuan(o.orderTotalPrice, 'orderTotalPrice'),
      paid: yuan(o.orderPayment, 'orderPayment'),
      freight: yuan(o.freightPrice, 'freightPrice'),
      discount: yuan(o.sellerDiscount, 'sellerDiscount'),
    },
    buyer: { id: text(o.open_id_buyer) || text(o.pin), nick: text(o.pin) },
    receiver: {
      name: text(consignee.fullname),
      phone: text(consignee.mobile) || text(consignee.telephone),
      province: text(consignee.province),
      city: text(consignee.city),
      district: text(consignee.county),
      address: detailAddress(consignee),
    },
    buyerMessage: text(o.orderRemark),
    sellerMemo: text(o.venderRemark),
    invoiceRequested: invoiceRequested(o),
    lines: items(o.itemInfoList),
    issues: hold ? [...issues, hold] : issues,
  };
}

/** fullAddress repeats the regions ("北京朝阳区三环到四环之间望京…"); the standard address is the rest. */
function detailAddress(c: RawRecord): string {
  const full = text(c.fullAddress).trim();
  let rest = full;
  for (const part of [c.province, c.city, c.county, c.town].map(text)) {
    if (part && rest.startsWith(part)) rest = rest.slice(part.length).trimStart();
  }
  return rest || full;
}

function invoiceRequested(o: RawRecord): boolean {
  if (text((o.invoiceEasyInfo as RawRecord | undefined)?.invoiceTitle)) return true;
  const info = text(o.invoiceInfo).trim();
  return info !== '' && !info.includes('不需要');
}

function items(list: unknown): StandardOrderInput['lines'] {
  if (!Array.isArray(list) || list.length === 0)
    throw rawFieldError('itemInfoList', 'the order has no items');
  return list.map((raw, i) => {
    const at = `itemInfoList[${i}]`;
    const item = record(raw, at);
    const sku = text(item.outerSkuId) || text(item.skuId);
    if (!sku) throw rawFieldError(`${at}.skuId`, 'the item has no SKU (outerSkuId or skuId)');
    return {
      sku,
      name: text(item.skuName),
      qty: quantity(item.itemTotal, `${at}.itemTotal`),
      price: yuan(item.jdPrice, `${at}.jdPrice`),
    };
  });
}
