import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import {
  chinaTime,
  eachElement,
  fen,
  isRecord,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  record,
  requiredTime,
  text,
} from './raw-fields.ts';
import { rollUpRefunds } from './refund-rollup.ts';

/**
 * WeChat Channels shop (视频号小店 / 微信小店) order as POST /channels/ec/order/get answers it, in its
 * `{errcode, errmsg, order}` envelope or bare (order_id, status, order_detail, aftersale_detail,
 * openid). Money is in fen, times in epoch seconds. /channels/ec/order/list/get lists only order ids.
 */

const ENVELOPES = [['order']] as const;

/**
 * status: 10 待付款, 12 礼物待收下, 13 一起买待成团, 20 待发货, 21 部分发货, 30 待收货, 100 完成,
 * 200 全部商品售后之后订单取消, 250 未付款取消. A gift not yet accepted has no receiver and a group not
 * yet formed is refunded if it never forms: paid, but not a sale to ship yet, as PDD's unformed groups.
 */
const STATUS: Record<string, StandardOrder['status']> = {
  10: 'pending',
  12: 'pending',
  13: 'pending',
  20: 'paid',
  21: 'paid',
  30: 'shipped',
  100: 'completed',
  200: 'closed',
  250: 'cancelled',
};

/**
 * The buyer asked to change the address after ordering (delivery_info.address_under_review holds the
 * new one): it replaces the order's when the seller agrees, or by itself after 12 hours. Shipped
 * before, the parcel goes to the old address; approval can hold on this label.
 */
const ADDRESS_UNDER_REVIEW = 'channels:address_under_review';

/** sku_deliver_info.stock_type: 0 现货, 1 全款预售. */
const FULL_PAYMENT_PRESALE = '1';

export function adaptChannels(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'order', idOf, toStandard);
}

const idOf = (o: RawRecord) => rawId(o.order_id, 'order_id');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const detail = record(o.order_detail, 'order_detail');
  const pay = isRecord(detail.pay_info) ? detail.pay_info : {};
  const price = isRecord(detail.price_info) ? detail.price_info : {};
  const delivery = isRecord(detail.delivery_info) ? detail.delivery_info : {};
  const address = isRecord(delivery.address_info) ? delivery.address_info : {};
  const phones = isRecord(address.tel_number_ext_info) ? address.tel_number_ext_info : {};
  const notes = isRecord(detail.ext_info) ? detail.ext_info : {};
  const paidAt = chinaTime(pay.pay_time, 'order_detail.pay_info.pay_time');
  const lines = products(detail.product_infos);
  const { status, issues } = mapStatus(STATUS, o.status, 'status', paidAt !== null);
  const order: StandardOrder = {
    id,
    platform: 'channels',
    // The order names no shop (the access token does); an OMS that keeps the shop's AppID beside it,
    // under the name WeChat's own APIs give it, is read.
    shop: text(o.shop_appid),
    type: lines.some((l) => l.isPresale) ? 'presale' : 'normal',
    status,
    payStatus: paidAt !== null && status !== 'pending' ? 'paid' : 'unpaid',
    refundStatus: underAftersale(o.aftersale_detail) ? 'pending' : rollUpRefunds(lines),
    createdAt: requiredTime(o.create_time, 'create_time'),
    paidAt,
    amounts: {
      // product_price is the goods at their sale price; order_price what the buyer pays: that less
      // the discounts, freight added. discounted_price is the seller's discount (the platform's and
      // the creator's have fields of their own).
      total: fen(price.product_price, 'order_detail.price_info.product_price'),
      paid: fen(price.order_price, 'order_detail.price_info.order_price'),
      freight: fen(price.freight, 'order_detail.price_info.freight'),
      discount: fen(price.discounted_price, 'order_detail.price_info.discounted_price'),
      refund: 0,
    },
    // openid is the buyer's, or in a gift order the recipient's; the order carries no nickname.
    buyer: { id: text(o.openid), nick: '', memberLevel: 0 },
    receiver: {
      // WeChat masks the receiver in place (林**, 183****2807, ****) and sends no ciphertext: the
      // full texts come only from its decode API, so what came is what a person may read.
      name: text(address.user_name),
      // tel_number is the masked real number even where the buyer chose a virtual one (that relay
      // number expires, and a blacklist knows the real one); older answers left it empty beside
      // real_tel_number. virtual_order_tel_number is the contact of an order that ships nothing.
      phone:
        text(address.tel_number) || text(phones.real_tel_number) || text(address.virtual_order_tel_number),
      province: text(address.province_name),
      city: text(address.city_name),
      district: text(address.county_name),
      address: withHouseNumber(text(address.detail_info), text(address.house_number)),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(notes.customer_notes),
    sellerMemo: text(notes.merchant_notes),
    sellerFlag: 'none',
    invoiceRequested: false,
    labels: isRecord(delivery.address_under_review) ? [ADDRESS_UNDER_REVIEW] : [],
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  // hash_code stands for one receiving address of the shop's buyers, as PDD's open_address_id does:
  // masked receivers that share it go to one addressee, so a merge node can match them by it.
  const addressee = text(address.hash_code);
  if (addressee !== '') order.receiver.oaid = addressee;
  return order;
}

/** house_number (门牌号码) is kept apart from detail_info; the parcel needs both. */
function withHouseNumber(detail: string, house: string): string {
  return house && !detail.endsWith(house) ? `${detail}${house}` : detail;
}

/** aftersale_detail.on_aftersale_order_cnt: after-sales under way (their own status is no longer sent). */
function underAftersale(aftersale: unknown): boolean {
  return isRecord(aftersale) && Number(aftersale.on_aftersale_order_cnt ?? 0) > 0;
}

function products(list: unknown): OrderLine[] {
  if (!Array.isArray(list) || list.length === 0)
    throw rawFieldError('order_detail.product_infos', 'the order has no products');
  return eachElement(list, 'order_detail.product_infos', line);
}

/** One product; errors name its fields from it (`eachElement`). */
function line(p: RawRecord): OrderLine {
  // sku_code is the 商家编码 sellers type in the shop's back office; out_sku_id is set only by
  // sellers who list through the API; sku_id is WeChat's own.
  const sku = text(p.sku_code) || text(p.out_sku_id) || text(p.sku_id);
  if (!sku) throw rawFieldError('sku_code', 'the product has no SKU (sku_code, out_sku_id or sku_id)');
  const qty = quantity(p.sku_cnt, 'sku_cnt');
  // A gift the shop's 赠品 activity adds: its sale_price is what the goods sell for, not what was paid.
  const isGift = text(p.is_free_gift) === '1' || p.is_free_gift === true;
  const deliver = isRecord(p.sku_deliver_info) ? p.sku_deliver_info : {};
  return {
    sku,
    name: text(p.title),
    qty,
    price: isGift ? 0 : fen(p.sale_price, 'sale_price'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift,
    isPresale: text(deliver.stock_type) === FULL_PAYMENT_PRESALE,
    refundStatus: aftersale(p, qty),
  };
}

/** From the product's after-sale counts: any under way is pending; all of it done is refunded. */
function aftersale(p: RawRecord, qty: number): OrderLine['refundStatus'] {
  if (Number(p.on_aftersale_sku_cnt ?? 0) > 0) return 'pending';
  const done = Number(p.finish_aftersale_sku_cnt ?? 0);
  if (done >= qty) return 'refunded';
  return done > 0 ? 'partRefunded' : 'none';
}
