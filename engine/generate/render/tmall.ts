import { shareOut, yuan } from '../money.ts';
import type { OrderPlan } from '../order-plan.ts';
import { chinaLocalTime } from '../pay-time.ts';
import { maskedMobile, maskedName, maskedNick } from '../people.ts';
import type { Prng } from '../prng.ts';

/** A Taobao/Tmall TOP trade (taobao.trade.fullinfo.get) as OMS exports store it: the bare trade, ids as strings. */

const REFUND_STATUS = { none: 'NO_REFUND', pending: 'WAIT_SELLER_AGREE', refunded: 'SUCCESS' } as const;

export function renderTmall(plan: OrderPlan, prng: Prng): Record<string, unknown> {
  const { buyer, lines } = plan;
  const a = buyer.address;
  const prefix = `4${String(plan.serial).padStart(10, '0')}`;
  const salt = prng.int(99_990_000);
  const tid = `${prefix}${String(salt).padStart(8, '0')}`;
  const payments = shareOut(
    plan.discountFen,
    lines.map((l) => l.priceFen * l.qty),
  );
  return {
    tid,
    tid_str: tid,
    status: status(plan),
    type: plan.payment === 'cod' ? 'cod' : plan.presale ? 'step' : 'fixed',
    ...(plan.presale && {
      step_trade_status: plan.payment === 'deposit' ? 'FRONT_PAID_FINAL_NOPAID' : 'FRONT_PAID_FINAL_PAID',
    }),
    created: chinaLocalTime(plan.createdMs),
    ...(plan.paidMs !== null && { pay_time: chinaLocalTime(plan.paidMs) }),
    total_fee: yuan(plan.goodsFen),
    payment: yuan(plan.goodsFen - plan.discountFen + plan.freightFen),
    post_fee: yuan(plan.freightFen),
    discount_fee: yuan(plan.discountFen),
    buyer_nick: maskedNick(buyer.person),
    buyer_open_uid: buyer.platformId,
    seller_nick: buyer.shop.id,
    receiver_name: maskedName(buyer.person),
    receiver_mobile: maskedMobile(buyer.person),
    // Taobao writes a 直辖市 as "上海" / "上海市" / "浦东新区".
    receiver_state: a.municipality ? a.provinceShort : a.province,
    receiver_city: a.municipality ? a.province : a.city,
    receiver_district: a.district,
    receiver_town: a.town,
    receiver_address: a.town ? `${a.town}${a.detail}` : a.detail,
    buyer_message: plan.buyerMessage,
    seller_memo: plan.sellerMemo,
    seller_flag: plan.sellerFlag,
    ...(plan.invoice && { invoice_name: plan.invoice.title, invoice_kind: '1' }),
    orders: {
      order: lines.map((line, i) => {
        const oid = `${prefix}${String(salt + i + 1).padStart(8, '0')}`;
        return {
          oid,
          oid_str: oid,
          num_iid: String(520_000_000_000 + line.item.itemNo * 10_007),
          sku_id: String(4_900_000_000_000 + line.item.itemNo * 131),
          outer_iid: line.item.sku.sku,
          outer_sku_id: line.item.sku.sku,
          title: line.item.sku.name,
          num: line.qty,
          price: yuan(line.priceFen),
          total_fee: yuan(line.priceFen * line.qty),
          payment: yuan(payments[i]!),
          refund_status: REFUND_STATUS[line.refund],
          ...(line.presale && { is_presale: true }),
        };
      }),
    },
  };
}

function status(plan: OrderPlan): string {
  if (plan.closed) return 'TRADE_CLOSED';
  return plan.payment === 'unpaid' || plan.payment === 'deposit'
    ? 'WAIT_BUYER_PAY'
    : 'WAIT_SELLER_SEND_GOODS';
}
