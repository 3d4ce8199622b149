import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import { ENCRYPTED, isTopCiphertext, shown } from './masked-text.ts';
import {
  chinaTime,
  eachElement,
  isRecord,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  requiredTime,
  text,
  yuan,
} from './raw-fields.ts';

/**
 * Pinduoduo (拼多多) order as pdd.order.information.get answers it, bare or in its response envelope,
 * and as pdd.order.list.get and the increment APIs list them. Money is in yuan (numbers now, strings
 * in older answers), times China local. PDD tells sellers nothing of the buyer: the order has no
 * buyer id, and its open_address_id (合单ID) is what says two orders go to one addressee.
 */

const ENVELOPES = [['order_info_get_response', 'order_info'], ['order_info']] as const;

/** order_status: 1 待发货, 2 已发货待签收, 3 已签收. */
const STATUS: Record<string, StandardOrder['status']> = { 1: 'paid', 2: 'shipped', 3: 'completed' };

/** refund_status: 1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功. */
const REFUND: Record<string, StandardOrder['refundStatus']> = {
  1: 'none',
  2: 'pending',
  3: 'pending',
  4: 'refunded',
};

/** step_order_info.step_trade_status: 0 定金未付尾款未付, 1 定金已付尾款未付, 2 定金已付尾款已付. */
const STEP_PAY: Record<string, StandardOrder['payStatus']> = { 0: 'unpaid', 1: 'partPaid', 2: 'paid' };

/** remark_tag: 1 红色, 2 黄色, 3 绿色, 4 蓝色, 5 紫色. */
const FLAGS: Record<string, StandardOrder['sellerFlag']> = {
  0: 'none',
  1: 'red',
  2: 'yellow',
  3: 'green',
  4: 'blue',
  5: 'purple',
};

/** gift_order_status, of the order's gift_list: 0 gift order not created yet, 1 created (the gifts ship from it), 2 not created (they ship here). */
const GIFT_ORDER_PENDING = '0';
const GIFT_ORDER_CREATED = '1';

export function adaptPdd(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'order_info', idOf, toStandard);
}

const idOf = (o: RawRecord) => rawId(o.order_sn, 'order_sn');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const confirm = text(o.confirm_status);
  // Older answers have no pay_time (an SDK's documented example of an order waiting to ship): a confirmed
  // order (成交) was paid by its confirm_time. Read as unpaid, it was held for payment.
  const paidAt =
    chinaTime(o.pay_time, 'pay_time') ?? (confirm === '0' ? null : chinaTime(o.confirm_time, 'confirm_time'));
  const refundStatus = REFUND[text(o.refund_status)] ?? 'none';
  const presale = flag(o.is_pre_sale);
  const lines = [
    ...items(o.item_list, presale, refundStatus),
    ...(giftsShipHere(o) ? gifts(o.gift_list, presale, refundStatus) : []),
  ];
  const { status, issues } =
    confirm === '2'
      ? { status: 'cancelled' as const, issues: [] }
      : confirm === '0'
        ? { status: 'pending' as const, issues: [] }
        : mapStatus(STATUS, o.order_status, 'order_status', paidAt !== null);
  const step = isRecord(o.step_order_info) ? STEP_PAY[text(o.step_order_info.step_trade_status)] : undefined;
  const order: StandardOrder = {
    id,
    platform: 'pdd',
    // PDD's order names no shop (the token does); an OMS that keeps the mall's id beside it is read.
    shop: text(o.mall_id),
    type: text(o.trade_type) === '1' || presale ? 'presale' : 'normal',
    status,
    payStatus: step ?? (paidAt !== null && confirm !== '0' ? 'paid' : 'unpaid'),
    refundStatus,
    createdAt: requiredTime(o.created_time, 'created_time'),
    paidAt,
    amounts: {
      // goods_amount is the goods at their price less the seller's re-pricing; pay_amount adds postage
      // and services and takes off discount_amount (platform, seller and group-leader discounts).
      total: yuan(o.goods_amount, 'goods_amount'),
      paid: yuan(o.pay_amount, 'pay_amount'),
      freight: yuan(o.postage, 'postage'),
      discount: yuan(o.discount_amount, 'discount_amount'),
      refund: 0,
    },
    buyer: { id: '', nick: '', memberLevel: 0 },
    receiver: {
      name: shownPdd(o.receiver_name, o.receiver_name_mask),
      phone: shownPdd(o.receiver_phone, o.receiver_phone_mask),
      province: text(o.province),
      city: text(o.city),
      district: text(o.town),
      address: address(o),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(o.buyer_memo),
    sellerMemo: text(o.remark),
    sellerFlag: FLAGS[text(o.remark_tag)] ?? (text(o.remark_tag) === '' ? 'none' : 'other'),
    invoiceRequested: flag(o.invoice_status),
    labels: labels(o),
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  const addressee = text(o.open_address_id);
  if (addressee !== '') order.receiver.oaid = addressee;
  return order;
}

/**
 * A receiver field: a ciphertext in TOP's form (`isTopCiphertext`) only while the order waits to
 * ship and is not under review, empty otherwise; its `_mask` twin says what a person may read.
 */
const shownPdd = (plain: unknown, masked: unknown) => shown(plain, masked, plain, isTopCiphertext);

/**
 * receiver_address is the address below the district; `address` is the whole of it, province first.
 * The first readable of the two, else the first there at all.
 */
function address(o: RawRecord): string {
  const below = shownPdd(o.receiver_address, o.receiver_address_mask);
  if (below !== '' && below !== ENCRYPTED) return below;
  return shownPdd(o.address, o.address_mask) || below;
}

/** PDD's yes/no fields: 1 or "1" is yes. */
function flag(value: unknown): boolean {
  return text(value) === '1';
}

/**
 * What PDD marks the order with, as `pdd:` labels approval can hold on: the tags it sets (order_tag_list
 * with value 1: ship_hold 暂停发货, self_contained 门店自提, free_sf 顺丰包邮 …), an order under the
 * platform's risk review (risk_control_status 1: not to be shipped yet), and a gift order not created yet.
 */
function labels(o: RawRecord): string[] {
  const found: string[] = [];
  if (Array.isArray(o.order_tag_list)) {
    for (const tag of o.order_tag_list) {
      if (isRecord(tag) && flag(tag.value) && text(tag.name) !== '') found.push(`pdd:${text(tag.name)}`);
    }
  }
  if (flag(o.risk_control_status)) found.push('pdd:risk_control');
  if (hasGifts(o) && text(o.gift_order_status) === GIFT_ORDER_PENDING) found.push('pdd:gift_order_pending');
  return found;
}

function items(list: unknown, presale: boolean, refund: OrderLine['refundStatus']): OrderLine[] {
  if (!Array.isArray(list) || list.length === 0) throw rawFieldError('item_list', 'the order has no items');
  return eachElement(list, 'item_list', (item) => line(item, presale, refund, false));
}

const hasGifts = (o: RawRecord): o is RawRecord & { gift_list: unknown[] } =>
  Array.isArray(o.gift_list) && o.gift_list.length > 0;

/** The platform's gifts ship with the order unless PDD made them a gift order of their own. */
const giftsShipHere = (o: RawRecord): o is RawRecord & { gift_list: unknown[] } =>
  hasGifts(o) && text(o.gift_order_status) !== GIFT_ORDER_CREATED;

/**
 * The gifts that ship in this order's parcel, as gift lines at 0 (their goods_price is what the goods
 * sell for). A gift of none (goods_count 0, as PDD's own example has it) ships nothing.
 */
function gifts(list: readonly unknown[], presale: boolean, refund: OrderLine['refundStatus']): OrderLine[] {
  const shipped = list.filter((gift) => !(isRecord(gift) && Number(gift.goods_count) === 0));
  return eachElement(shipped, 'gift_list', (gift) => line(gift, presale, refund, true));
}

/**
 * One item; errors name its fields from it (`eachElement`). PDD refunds an order as a whole, so its
 * lines share the order's refund state.
 */
function line(
  item: RawRecord,
  presale: boolean,
  refund: OrderLine['refundStatus'],
  isGift: boolean,
): OrderLine {
  // outer_id is the 商家编码 of the SKU, outer_goods_id the goods'; sku_id is PDD's own.
  const sku = text(item.outer_id) || text(item.outer_goods_id) || text(item.sku_id);
  if (!sku) throw rawFieldError('outer_id', 'the item has no SKU (outer_id, outer_goods_id or sku_id)');
  return {
    sku,
    name: text(item.goods_name),
    qty: quantity(item.goods_count, 'goods_count'),
    price: isGift ? 0 : yuan(item.goods_price, 'goods_price'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift,
    isPresale: presale,
    refundStatus: refund,
  };
}
