import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import { isTopCiphertext, shown } from './masked-text.ts';
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
  withTown,
} from './raw-fields.ts';

/**
 * Kuaishou shop (快手小店) order as open.order.detail answers it, in its `data` envelope or bare
 * (orderBaseInfo, orderItemInfo, orderAddress, orderRefundList, orderNote), and as
 * open.order.cursor.list lists them. Money is in fen, times in epoch milliseconds. An order holds
 * one SKU (`orderItemInfo` is one object; its gifts are orders of their own).
 */

const ENVELOPES = [['data']] as const;

/** orderBaseInfo.status: 10 待付款, 30 已付款, 40 已发货, 50 已签收, 70 订单成功, 80 订单失败. */
const STATUS: Record<string, StandardOrder['status']> = {
  10: 'pending',
  30: 'paid',
  40: 'shipped',
  50: 'shipped',
  70: 'completed',
  80: 'closed',
};

/** flagTagCode, the flag a seller put on the order. */
const FLAGS: Record<string, StandardOrder['sellerFlag']> = {
  grey_flag_tag_order: 'none',
  red_flag_tag_order: 'red',
  yellow_flag_tag_order: 'yellow',
  green_flag_tag_order: 'green',
  blue_flag_tag_order: 'blue',
  purple_flag_tag_order: 'purple',
};

export function adaptKuaishou(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'data', idOf, toStandard);
}

const idOf = (o: RawRecord) => rawId(record(o.orderBaseInfo, 'orderBaseInfo').oid, 'orderBaseInfo.oid');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const base = record(o.orderBaseInfo, 'orderBaseInfo');
  const paidAt = chinaTime(base.payTime, 'orderBaseInfo.payTime');
  const presale = text(base.preSale) === '1';
  const refundStatus = latestRefund(o.orderRefundList);
  const lines = items(o.orderItemInfo, presale, refundStatus);
  const { status, issues } = mapStatus(STATUS, base.status, 'orderBaseInfo.status', paidAt !== null);
  const address = isRecord(o.orderAddress) ? o.orderAddress : {};
  const notes = sellerNotes(o.orderNote);
  const freight = fen(base.expressFee, 'orderBaseInfo.expressFee');
  const order: StandardOrder = {
    id,
    platform: 'kuaishou',
    shop: text(base.sellerOpenId),
    type: presale ? 'presale' : 'normal',
    status,
    payStatus: paidAt !== null && status !== 'pending' ? 'paid' : 'unpaid',
    refundStatus,
    createdAt: requiredTime(base.createTime, 'orderBaseInfo.createTime'),
    paidAt,
    amounts: {
      // price × num before any discount; totalFee is the goods less what the seller bears, without
      // freight. The seller receives totalFee + expressFee; the buyer paid that less the platform's
      // allowance, which the order does not carry.
      total: toFen(lines.reduce((sum, line) => sum + line.price * line.qty, 0)),
      paid: toFen(fen(base.totalFee, 'orderBaseInfo.totalFee') + freight),
      freight,
      discount: fen(base.discountFee, 'orderBaseInfo.discountFee'),
      refund: 0,
    },
    buyer: { id: text(base.buyerOpenId), nick: text(base.buyerNick), memberLevel: 0 },
    receiver: {
      // The plain fields are null since Kuaishou encrypts receivers; the desensitised ones are what a
      // person may read.
      name: shown(
        address.consignee,
        address.desensitiseConsignee,
        address.encryptedConsignee,
        isTopCiphertext,
      ),
      phone: shown(address.mobile, address.desensitiseMobile, address.encryptedMobile, isTopCiphertext),
      province: text(address.province),
      city: text(address.city),
      district: text(address.district),
      address: withTown(
        text(address.town),
        shown(address.address, address.desensitiseAddress, address.encryptedAddress, isTopCiphertext),
      ),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(base.remark),
    sellerMemo: notes.map((note) => note.text).join('\n'),
    sellerFlag: flagOf(text(base.flagTagCode) || (notes[0]?.flag ?? '')),
    invoiceRequested: false,
    labels: [],
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  return order;
}

/** Yuan added up, back to whole fen: 0.1 × 3 is 0.30000000000000004 in floating point. */
function toFen(yuan: number): number {
  return Math.round(yuan * 100) / 100;
}

function flagOf(code: string): StandardOrder['sellerFlag'] {
  return code === '' ? 'none' : (FLAGS[code] ?? 'other');
}

/** The one SKU an order holds (a list of them read alike); errors name its fields. */
function items(value: unknown, presale: boolean, refund: OrderLine['refundStatus']): OrderLine[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (list.length === 0) throw rawFieldError('orderItemInfo', 'the order has no item');
  return eachElement(list, 'orderItemInfo', (item) => line(item, presale, refund));
}

function line(item: RawRecord, presale: boolean, refund: OrderLine['refundStatus']): OrderLine {
  // skuNick is the 商家编码 sellers give their SKUs; relSkuId a service provider's, skuId Kuaishou's.
  const relSkuId = text(item.relSkuId);
  const sku = text(item.skuNick) || (relSkuId !== '0' ? relSkuId : '') || text(item.skuId);
  if (!sku) throw rawFieldError('skuNick', 'the item has no SKU (skuNick, relSkuId or skuId)');
  return {
    sku,
    name: text(item.itemTitle),
    qty: quantity(item.num, 'num'),
    price: fen(item.price, 'price'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift: false,
    isPresale: presale,
    refundStatus: refund,
  };
}

/**
 * The order's refund, from the latest in orderRefundList: 60 退款成功 refunded, 70 退款失败 none,
 * the rest (10–50: asked, the platform stepping in, goods on their way back, paying out) under way.
 */
function latestRefund(list: unknown): StandardOrder['refundStatus'] {
  if (!Array.isArray(list) || list.length === 0) return 'none';
  const latest = list[0];
  const status = isRecord(latest) ? text(latest.refundStatus) : '';
  if (status === '60') return 'refunded';
  if (status === '' || status === '70') return 'none';
  return 'pending';
}

/** The seller's notes, newest first: orderNote.orderNoteInfo (note, flagTagCode) or sellerNote texts. */
function sellerNotes(orderNote: unknown): { text: string; flag: string }[] {
  if (!isRecord(orderNote)) return [];
  const list = Array.isArray(orderNote.orderNoteInfo)
    ? orderNote.orderNoteInfo
    : Array.isArray(orderNote.sellerNote)
      ? orderNote.sellerNote
      : [];
  return list
    .map((note) =>
      isRecord(note)
        ? { text: text(note.note), flag: text(note.flagTagCode) }
        : { text: text(note), flag: '' },
    )
    .filter((note) => note.text !== '' || note.flag !== '');
}
