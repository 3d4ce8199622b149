import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import { shown, wrappedIn } from './masked-text.ts';
import {
  chinaTime,
  eachElement,
  fen,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  record,
  requiredTime,
  text,
  withTown,
} from './raw-fields.ts';
import { rollUpRefunds } from './refund-rollup.ts';

/** Douyin shop (抖店) order.orderDetail, bare or in its response envelope. Money is in fen, times in unix seconds. */

const ENVELOPES = [['data', 'shop_order_detail'], ['shop_order_detail']] as const;

const STATUS: Record<string, StandardOrder['status']> = {
  1: 'pending', // 待确认/待支付
  103: 'pending', // 部分支付 (presale deposit paid)
  105: 'paid',
  2: 'paid', // 备货中
  101: 'paid', // 部分发货
  3: 'shipped',
  5: 'completed',
  4: 'cancelled',
  21: 'closed', // 发货前退款完结
  22: 'closed', // 发货后退款完结
  39: 'closed', // 收货后退款完结
};

// seller_remark_stars: 0 grey (none), 1 purple, 2 cyan, 3 green, 4 orange, 5 red. Cyan and orange have no standard colour.
const FLAGS: readonly StandardOrder['sellerFlag'][] = ['none', 'purple', 'other', 'green', 'other', 'red'];
const FLAG_LABELS: Readonly<Record<number, string>> = { 2: 'douyin:flag:cyan', 4: 'douyin:flag:orange' };

export function adaptDouyin(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'shop_order_detail', idOf, toStandard);
}

const idOf = (o: RawRecord) =>
  rawId(o.shop_order_id ?? o.order_id, o.shop_order_id ? 'shop_order_id' : 'order_id');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const paidAt = chinaTime(o.pay_time, 'pay_time');
  const state = text(o.order_status);
  const isCod = o.pay_type === 0 || o.pay_type === '0';
  const lines = skuOrders(o.sku_order_list);
  const { status, issues } = mapStatus(STATUS, o.order_status, 'order_status', paidAt !== null);
  const stars = Number(o.seller_remark_stars ?? 0);
  const addr = o.post_addr === undefined ? {} : record(o.post_addr, 'post_addr');
  const mask = o.mask_post_addr === undefined ? {} : record(o.mask_post_addr, 'mask_post_addr');
  const order: StandardOrder = {
    id,
    platform: 'douyin',
    shop: text(o.shop_id),
    type: isCod ? 'cod' : lines.some((l) => l.isPresale) ? 'presale' : 'normal',
    status,
    payStatus: state === '103' ? 'partPaid' : isCod || !paidAt || state === '1' ? 'unpaid' : 'paid',
    refundStatus: rollUpRefunds(lines),
    createdAt: requiredTime(o.create_time, 'create_time'),
    paidAt,
    amounts: {
      total: fen(o.order_amount, 'order_amount'),
      paid: fen(o.pay_amount, 'pay_amount'),
      freight: fen(o.post_amount, 'post_amount'),
      discount: fen(o.promotion_amount, 'promotion_amount'),
      refund: 0,
    },
    buyer: { id: text(o.doudian_open_id), nick: text(o.user_nick), memberLevel: 0 },
    receiver: {
      name: shownDouyin(o.post_receiver, o.mask_post_receiver, o.encrypt_post_receiver),
      phone: shownDouyin(o.post_tel, o.mask_post_tel, o.encrypt_post_tel),
      province: regionName(addr.province) || regionName(mask.province),
      city: regionName(addr.city) || regionName(mask.city),
      // Douyin's "town" is the district level; its "street" is the town below it.
      district: regionName(addr.town) || regionName(mask.town),
      address: withTown(
        regionName(addr.street) || regionName(mask.street),
        shownDouyin(addr.detail, mask.detail, addr.encrypt_detail),
      ),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(o.buyer_words),
    sellerMemo: text(o.seller_words),
    sellerFlag: FLAGS[stars] ?? 'other',
    invoiceRequested: false,
    labels: FLAG_LABELS[stars] ? [FLAG_LABELS[stars]] : [],
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  // Stands for the addressee whatever the masks: a merge node can be told to match by it.
  const addressee = text(o.open_address_id);
  if (addressee !== '') order.receiver.oaid = addressee;
  return order;
}

/** Douyin's ciphertexts: `##…##` for names and addresses, `$$…$$` for phone numbers. */
function isCiphertext(value: string): boolean {
  return wrappedIn(value, '##') || wrappedIn(value, '$$');
}

const shownDouyin = (plain: unknown, masked: unknown, cipher: unknown) =>
  shown(plain, masked, cipher, isCiphertext);

function regionName(part: unknown): string {
  return typeof part === 'object' && part !== null ? text((part as RawRecord).name) : text(part);
}

function skuOrders(list: unknown): OrderLine[] {
  if (!Array.isArray(list) || list.length === 0)
    throw rawFieldError('sku_order_list', 'the order has no sku orders');
  return eachElement(list, 'sku_order_list', line);
}

/** One sku order; errors name its fields from it (`eachElement`). */
function line(s: RawRecord): OrderLine {
  // `code` is the 商家编码 merchants type in the 抖店 back office; out_sku_id is set only through the API and is often 0.
  const outSkuId = text(s.out_sku_id);
  const sku = text(s.code) || (outSkuId !== '0' ? outSkuId : '') || text(s.sku_id);
  if (!sku) throw rawFieldError('code', 'the sku order has no SKU (code, out_sku_id or sku_id)');
  return {
    sku,
    name: text(s.product_name),
    qty: quantity(s.item_num, 'item_num'),
    price: fen(s.goods_price, 'goods_price'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift: false,
    isPresale: Number(s.is_presale ?? 0) > 0 || s.is_presale === true,
    refundStatus: afterSale(s.after_sale_info),
  };
}

/**
 * refund_status: 1 待退款, 2 退款中, 3 退款成功. after_sale_status: 6 申请, 7 退货中, 11 已发货 (under way);
 * 12 售后成功, 53 逆向交易完成 (refunded); the rest (0 none, 27/28/29 refused or failed, 51 cancelled) leave no refund.
 */
function afterSale(info: unknown): OrderLine['refundStatus'] {
  if (typeof info !== 'object' || info === null) return 'none';
  const refund = Number((info as RawRecord).refund_status ?? 0);
  const afterSaleStatus = Number((info as RawRecord).after_sale_status ?? 0);
  if (refund === 3 || afterSaleStatus === 12 || afterSaleStatus === 53) return 'refunded';
  if (refund === 1 || refund === 2 || [6, 7, 11].includes(afterSaleStatus)) return 'pending';
  return 'none';
}
