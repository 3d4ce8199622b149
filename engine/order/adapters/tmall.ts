import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import { type OrderLine, SELLER_FLAGS, type StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import { isTopCiphertext, shown } from './masked-text.ts';
import {
  chinaTime,
  eachElement,
  mapStatus,
  quantity,
  type RawRecord,
  rawFieldError,
  rawId,
  recordAt,
  requiredTime,
  text,
  withTown,
  yuan,
} from './raw-fields.ts';
import { rollUpRefunds } from './refund-rollup.ts';

/** Taobao/Tmall TOP trade (taobao.trade.fullinfo.get, taobao.trade.get), bare or in its response envelope. */

const ENVELOPES = [
  ['trade_fullinfo_get_response', 'trade'],
  ['trade_get_response', 'trade'],
  ['trade'],
] as const;

const STATUS: Record<string, StandardOrder['status']> = {
  TRADE_NO_CREATE_PAY: 'pending',
  WAIT_BUYER_PAY: 'pending',
  PAY_PENDING: 'pending',
  WAIT_PRE_AUTH_CONFIRM: 'pending',
  WAIT_SELLER_SEND_GOODS: 'paid',
  SELLER_CONSIGNED_PART: 'paid',
  PAID_FORBID_CONSIGN: 'paid',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped',
  TRADE_BUYER_SIGNED: 'shipped',
  TRADE_FINISHED: 'completed',
  TRADE_CLOSED: 'closed',
  TRADE_CLOSED_BY_TAOBAO: 'cancelled',
};
const UNPAID_STATUSES = new Set([
  'TRADE_NO_CREATE_PAY',
  'WAIT_BUYER_PAY',
  'PAY_PENDING',
  'WAIT_PRE_AUTH_CONFIRM',
]);
const COD_TYPES = new Set(['cod', 'b2c_cod', 'super_market_cod_trade']);
/** invoice_kind 1 (electronic) and 2 (paper) ask for an invoice. */
const INVOICE_KINDS = new Set(['1', '2']);
const REFUND: Record<string, OrderLine['refundStatus']> = {
  WAIT_SELLER_AGREE: 'pending',
  WAIT_BUYER_RETURN_GOODS: 'pending',
  WAIT_SELLER_CONFIRM_GOODS: 'pending',
  SUCCESS: 'refunded',
};

export function adaptTmall(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'trade', idOf, toStandard);
}

const idOf = (t: RawRecord) => rawId(t.tid_str ?? t.tid, t.tid_str ? 'tid_str' : 'tid');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(t: RawRecord, id: string): StandardOrder {
  const paidAt = chinaTime(t.pay_time, 'pay_time');
  const type = text(t.type);
  const isCod = COD_TYPES.has(type);
  const isStep = type === 'step';
  const rawLines = tradeLines(t.orders);
  const lines = eachElement(rawLines, 'orders.order', (o) => line(o, isStep));
  const { status, issues } = mapStatus(STATUS, t.status, 'status', paidAt !== null);
  const flag = Number(t.seller_flag ?? 0);
  const order: StandardOrder = {
    id,
    platform: shopPlatform(t, rawLines),
    shop: text(t.seller_nick),
    type: isCod ? 'cod' : isStep || lines.some((l) => l.isPresale) ? 'presale' : 'normal',
    status,
    payStatus:
      text(t.step_trade_status) === 'FRONT_PAID_FINAL_NOPAID'
        ? 'partPaid'
        : isCod || !paidAt || UNPAID_STATUSES.has(text(t.status))
          ? 'unpaid'
          : 'paid',
    refundStatus: rollUpRefunds(lines),
    createdAt: requiredTime(t.created, 'created'),
    paidAt,
    amounts: {
      // total_fee is the goods before discounts and freight; payment is what the buyer pays, freight included.
      total: yuan(t.total_fee, 'total_fee'),
      paid: yuan(t.payment, 'payment'),
      freight: yuan(t.post_fee, 'post_fee'),
      discount: yuan(t.discount_fee, 'discount_fee'),
      refund: 0,
    },
    buyer: { id: text(t.buyer_open_uid), nick: text(t.buyer_nick), memberLevel: 0 },
    receiver: {
      name: shownTop(t.receiver_name),
      phone: shownTop(t.receiver_mobile) || shownTop(t.receiver_phone),
      province: text(t.receiver_state),
      city: text(t.receiver_city),
      district: text(t.receiver_district),
      address: withTown(text(t.receiver_town), shownTop(t.receiver_address)),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(t.buyer_message),
    sellerMemo: text(t.seller_memo),
    sellerFlag:
      (Number.isInteger(flag) && flag >= 0 && flag <= 5 ? SELLER_FLAGS[flag] : undefined) ?? 'other',
    invoiceRequested: text(t.invoice_name) !== '' || INVOICE_KINDS.has(text(t.invoice_kind)),
    labels: [],
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  // TOP sends `oaid` with a masked receiver (张**, 138****5678): an order's id stands for its
  // addressee, which a merge node can be told to match by where the masked texts would join strangers.
  const oaid = text(t.oaid);
  if (oaid !== '') order.receiver.oaid = oaid;
  return order;
}

/**
 * A receiver field as a person may read it: trades from before TOP masked them (王**, 138****5678)
 * carried ciphertexts, which no rule can read, and are shown masked (`****`), as the masks are.
 */
const shownTop = (value: unknown) => shown(value, undefined, undefined, isTopCiphertext);

/**
 * Taobao or Tmall, from the seller's type. TOP documents it on each order line as `seller_type`:
 * "B" (商城商家, a Tmall shop) or "C" (普通卖家, a Taobao shop); OMS exports that flatten the trade
 * carry it on the trade as `seller_type` or `shop_type`. `trade_from` ("WAP,JHS", "TAOBAO") says
 * where the buyer ordered, not what the shop is, so it decides nothing. A trade that does not say
 * stays Tmall, as this adapter has always read TOP trades.
 */
function shopPlatform(t: RawRecord, lines: readonly RawRecord[]): 'tmall' | 'taobao' {
  // The lines first, then the trade's two fields: the first that says wins (no array built per order).
  for (const line of lines) {
    const platform = sellerPlatform(line.seller_type);
    if (platform) return platform;
  }
  return sellerPlatform(t.seller_type) ?? sellerPlatform(t.shop_type) ?? 'tmall';
}

function sellerPlatform(value: unknown): 'tmall' | 'taobao' | undefined {
  // Most trades say nothing, on every line: no trimming and casing of empty text.
  if (value === undefined) return undefined;
  const type = text(value).trim().toUpperCase();
  return type === 'C' ? 'taobao' : type === 'B' ? 'tmall' : undefined;
}

/** The API nests lines as `orders.order[]`; exports and hand-written orders often have a bare `orders[]`. */
function tradeLines(orders: unknown): RawRecord[] {
  const list = Array.isArray(orders) ? orders : (orders as { order?: unknown } | undefined)?.order;
  if (!Array.isArray(list) || list.length === 0) {
    throw rawFieldError('orders.order', 'the trade has no order lines');
  }
  return list.map((o, i) => recordAt(o, 'orders.order', i));
}

/** One order line; errors name its fields from the line (`eachElement`). */
function line(o: RawRecord, isStep: boolean): OrderLine {
  // The merchant's codes first (outer_sku_id, then the item-level outer_iid), the platform's ids last.
  const sku = text(o.outer_sku_id) || text(o.outer_iid) || text(o.sku_id) || text(o.num_iid);
  if (!sku)
    throw rawFieldError('outer_sku_id', 'the line has no SKU (outer_sku_id, outer_iid, sku_id or num_iid)');
  return {
    sku,
    name: text(o.title),
    qty: quantity(o.num, 'num'),
    price: yuan(o.price, 'price'),
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift: false,
    isPresale: isStep || o.is_presale === true || text(o.is_presale) === '1',
    refundStatus: REFUND[text(o.refund_status)] ?? 'none',
  };
}
