import { type NormaliseContext, TOTALS_TO_COME } from '../normalise.ts';
import type { OrderLine, StandardOrder } from '../schema.ts';
import { adaptEntry } from './adapt-entry.ts';
import { shown } from './masked-text.ts';
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
  requiredTime,
  text,
  wholeFen,
  withTown,
} from './raw-fields.ts';
import { rollUpRefunds } from './refund-rollup.ts';

/**
 * Xiaohongshu shop (小红书店铺) order as order.getOrderDetail answers it, in its `data` envelope or
 * bare, and as order.getOrderList lists them. Money is in fen, times in epoch milliseconds. skuList
 * holds one entry per SKU with its amounts summed over the quantity. The detail answer leaves the
 * receiver's name, phone and address out (order.getOrderReceiverInfo gives them, for orders waiting to
 * ship): an OMS that fetched them keeps them in `orderReceiverInfo`, as the official SDK's model does.
 */

const ENVELOPES = [['data']] as const;

/**
 * orderStatus: 1 已下单待付款, 2 已支付处理中, 3 清关中, 4 待发货, 5 部分发货, 6 待收货, 7 已完成,
 * 8 已关闭, 9 已取消, 10 换货申请中. Part shipped still has lines to ship, as Tmall's SELLER_CONSIGNED_PART;
 * an exchange is asked for goods already received.
 */
const STATUS: Record<string, StandardOrder['status']> = {
  1: 'pending',
  2: 'paid',
  3: 'paid',
  4: 'paid',
  5: 'paid',
  6: 'shipped',
  7: 'completed',
  8: 'closed',
  9: 'cancelled',
  10: 'completed',
};

/** orderType: 1 现货, 2 定金预售, 3 全款预售 (retired), 4 全款预售, 5 (换货)补发. */
const TYPES: Record<string, StandardOrder['type']> = {
  1: 'normal',
  2: 'presale',
  3: 'presale',
  4: 'presale',
  5: 'resend',
};

/**
 * orderAfterSalesStatus and each SKU's skuAfterSaleStatus: 1 无售后, 2 售后处理中, 3 售后完成,
 * 4 售后拒绝, 5 售后关闭, 6 平台介入中, 7 售后取消.
 */
const AFTER_SALE: Record<string, OrderLine['refundStatus']> = {
  1: 'none',
  2: 'pending',
  3: 'refunded',
  4: 'none',
  5: 'none',
  6: 'pending',
  7: 'none',
};

/** sellerRemarkFlag, the flag the seller put on the order in Ark: 1 灰 2 红 3 黄 4 绿 5 蓝 6 紫. */
const FLAGS: Record<string, StandardOrder['sellerFlag']> = {
  1: 'none',
  2: 'red',
  3: 'yellow',
  4: 'green',
  5: 'blue',
  6: 'purple',
};

/** skuTag 1: a gift (赠品). */
const GIFT_TAG = '1';

export function adaptXiaohongshu(raw: unknown, context: NormaliseContext = {}): StandardOrder {
  return adaptEntry(raw, context, ENVELOPES, 'data', idOf, toStandard);
}

const idOf = (o: RawRecord) => rawId(o.orderId, 'orderId');

/** The whole standard order, keys in the schema's order and defaults filled, for `normaliseBuilt`. */
function toStandard(o: RawRecord, id: string): StandardOrder {
  const paidAt = chinaTime(o.paidTime, 'paidTime');
  const type = TYPES[text(o.orderType)] ?? 'normal';
  const lines = items(o.skuList, type === 'presale', AFTER_SALE[text(o.orderAfterSalesStatus)] ?? 'none');
  const { status, issues } = mapStatus(STATUS, o.orderStatus, 'orderStatus', paidAt !== null);
  const fetched = receiverInfo(o.orderReceiverInfo);
  const where = fetched ?? o;
  // Not shown in the detail answer, yet there: an open addressee id says the order has a receiver.
  const hidden = o.openAddressId;
  const order: StandardOrder = {
    id,
    platform: 'xiaohongshu',
    shop: text(o.shopId),
    type,
    status,
    payStatus: paidAt !== null && status !== 'pending' ? 'paid' : 'unpaid',
    refundStatus: rollUpRefunds(lines),
    createdAt: requiredTime(o.createdTime, 'createdTime'),
    paidAt,
    amounts: {
      // The goods before the seller's and the platform's discounts; totalPayAmount is what the buyer
      // paid, freight and deposit included.
      total: goodsFen(o.skuList as RawRecord[]) / 100,
      paid: fen(o.totalPayAmount, 'totalPayAmount'),
      freight: fen(o.totalShippingFree, 'totalShippingFree'),
      discount:
        (wholeFen(o.totalMerchantDiscount, 'totalMerchantDiscount') +
          wholeFen(o.totalRedDiscount, 'totalRedDiscount')) /
        100,
      refund: 0,
    },
    buyer: { id: text(o.userId), nick: '', memberLevel: 0 },
    receiver: {
      name: shown(fetched?.receiverName ?? o.receiverName, undefined, hidden, notCiphertext),
      phone: shown(fetched?.receiverPhone ?? o.receiverPhone, undefined, hidden, notCiphertext),
      province: text(where.receiverProvinceName),
      city: text(where.receiverCityName),
      district: text(where.receiverDistrictName),
      address: withTown(
        text(fetched?.receiverTownName),
        shown(fetched?.receiverAddress ?? o.receiverAddress, undefined, hidden, notCiphertext),
      ),
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    },
    buyerMessage: text(o.customerRemark),
    sellerMemo: text(o.sellerRemark),
    sellerFlag: FLAGS[text(o.sellerRemarkFlag)] ?? (text(o.sellerRemarkFlag) === '' ? 'none' : 'other'),
    invoiceRequested: false,
    labels: labels(o),
    lines,
    totals: TOTALS_TO_COME,
    issues,
  };
  // 收件人姓名+手机+地址等计算得出: the same addressee has the same id, what PDD's open_address_id is.
  const addressee = text(o.openAddressId);
  if (addressee !== '') order.receiver.oaid = addressee;
  return order;
}

/** Xiaohongshu's receiver texts are plain or masked when given at all; no ciphertext form is documented. */
const notCiphertext = () => false;

/** What a SKU's units cost before the seller's and the platform's discounts, in fen. */
function beforeDiscounts(item: RawRecord): number {
  return (
    wholeFen(item.totalPaidAmount, 'totalPaidAmount') +
    wholeFen(item.totalMerchantDiscount, 'totalMerchantDiscount') +
    wholeFen(item.totalRedDiscount, 'totalRedDiscount')
  );
}

/** The goods before discounts, gifts left out; `items` has checked every SKU is a record. */
function goodsFen(list: readonly RawRecord[]): number {
  let sum = 0;
  for (const item of list) if (text(item.skuTag) !== GIFT_TAG) sum += beforeDiscounts(item);
  return sum;
}

/**
 * order.getOrderReceiverInfo's answer for the order, kept beside it; undefined when absent or when
 * the platform said it no longer matches the order's openAddressId (`matched: false`, the buyer changed
 * the address since), which leaves the order's own fields to read.
 */
function receiverInfo(value: unknown): RawRecord | undefined {
  if (!isRecord(value) || value.matched === false) return undefined;
  return value;
}

/**
 * What Xiaohongshu marks the order with, as `xiaohongshu:` labels approval can hold on: its
 * orderTagList (URGENT_SHIP 催发货, MODIFIED_ADDR 已改地址, LACK_GOOD 缺货, COUNTRY_SUBSIDY 国家补贴 …)
 * in lower case, and a cancellation the buyer asked for that is being handled (cancelStatus 1).
 */
function labels(o: RawRecord): string[] {
  const found: string[] = [];
  if (Array.isArray(o.orderTagList)) {
    for (const tag of o.orderTagList) {
      const name = text(tag);
      if (name !== '') found.push(`xiaohongshu:${name.toLowerCase()}`);
    }
  }
  if (text(o.cancelStatus) === '1') found.push('xiaohongshu:cancel_requested');
  return found;
}

function items(list: unknown, presale: boolean, orderRefund: OrderLine['refundStatus']): OrderLine[] {
  if (!Array.isArray(list) || list.length === 0) throw rawFieldError('skuList', 'the order has no SKUs');
  return eachElement(list, 'skuList', (item) => line(item, presale, orderRefund));
}

/**
 * One SKU of the order. Its amounts are summed over its quantity, so its unit price is what was paid
 * for it with the seller's and the platform's discounts added back, over the quantity (to the fen: the
 * order's `total` adds the SKUs' sums themselves). Gifts (skuTag 1) are gift lines at 0.
 */
function line(item: RawRecord, presale: boolean, orderRefund: OrderLine['refundStatus']): OrderLine {
  // erpcode is the 商家编码 sellers give their SKUs (none for a bundle); skuId is Xiaohongshu's.
  const sku = text(item.erpcode) || text(item.skuId);
  if (!sku) throw rawFieldError('erpcode', 'the SKU has no code (erpcode or skuId)');
  const qty = quantity(item.skuQuantity, 'skuQuantity');
  const isGift = text(item.skuTag) === GIFT_TAG;
  return {
    sku,
    name: text(item.skuName),
    qty,
    price: isGift ? 0 : Math.round(beforeDiscounts(item) / qty) / 100,
    weightKg: 0,
    volumeL: 0,
    category: '',
    isGift,
    isPresale: presale,
    refundStatus: AFTER_SALE[text(item.skuAfterSaleStatus)] ?? orderRefund,
  };
}
