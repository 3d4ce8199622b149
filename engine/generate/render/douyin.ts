import { shareOut } from '../money.ts';
import type { OrderPlan, PlanLine } from '../order-plan.ts';
import { unixSeconds } from '../pay-time.ts';
import { douyinMobile, maskedName, maskedNick } from '../people.ts';
import type { Prng } from '../prng.ts';

/** A Douyin shop (抖店) order.orderDetail shop_order_detail, bare: money in fen, times in unix seconds. */

const STATUS_TEXT: Readonly<Record<number, string>> = {
  1: '待支付',
  2: '备货中',
  21: '发货前退款完结',
  103: '部分支付',
};
const AFTER_SALE: Readonly<Record<PlanLine['refund'], object>> = {
  none: { after_sale_status: 0, after_sale_type: 0, refund_status: 0 },
  pending: { after_sale_status: 6, after_sale_type: 2, refund_status: 1 },
  refunded: { after_sale_status: 12, after_sale_type: 2, refund_status: 3 },
};

export function renderDouyin(plan: OrderPlan, prng: Prng): Record<string, unknown> {
  const { buyer, lines } = plan;
  const a = buyer.address;
  const prefix = `69${String(plan.serial).padStart(11, '0')}`;
  const salt = prng.int(999_000);
  const id = `${prefix}${String(salt).padStart(6, '0')}`;
  const status = orderStatus(plan);
  const payments = shareOut(
    plan.discountFen,
    lines.map((l) => l.priceFen * l.qty),
  );
  return {
    shop_order_id: id,
    order_id: id,
    shop_id: buyer.shop.id,
    order_status: status,
    order_status_desc: STATUS_TEXT[status],
    order_type: 0,
    pay_type: plan.payment === 'cod' ? 0 : 1,
    create_time: unixSeconds(plan.createdMs),
    pay_time: plan.paidMs === null ? 0 : unixSeconds(plan.paidMs),
    order_amount: plan.goodsFen + plan.freightFen,
    pay_amount: plan.goodsFen + plan.freightFen - plan.discountFen,
    post_amount: plan.freightFen,
    promotion_amount: plan.discountFen,
    buyer_words: plan.buyerMessage,
    seller_words: plan.sellerMemo,
    seller_remark_stars: plan.sellerFlag,
    post_receiver: maskedName(buyer.person),
    post_tel: douyinMobile(buyer.person),
    // Douyin's "town" is the district and its "street" the town below it.
    post_addr: {
      province: { name: a.province, id: a.provinceCode },
      city: { name: a.municipality ? a.province : a.city, id: a.cityCode.padEnd(6, '0') },
      town: { name: a.district, id: a.district ? a.districtCode : '' },
      street: { name: a.town, id: '' },
      detail: a.detail,
    },
    doudian_open_id: buyer.platformId,
    user_nick: maskedNick(buyer.person),
    sku_order_list: lines.map((line, i) => ({
      sku_order_id: `${prefix}${String(salt + i + 1).padStart(6, '0')}`,
      sku_id: 1_790_000_000_000 + line.item.itemNo * 7,
      out_sku_id: '0',
      code: line.item.sku.sku,
      product_name: line.item.sku.name,
      item_num: line.qty,
      origin_amount: line.priceFen * line.qty,
      pay_amount: payments[i],
      goods_price: line.priceFen,
      is_presale: line.presale ? 1 : 0,
      after_sale_info: AFTER_SALE[line.refund],
    })),
  };
}

function orderStatus(plan: OrderPlan): number {
  if (plan.closed) return 21;
  if (plan.payment === 'deposit') return 103;
  return plan.payment === 'unpaid' ? 1 : 2;
}
