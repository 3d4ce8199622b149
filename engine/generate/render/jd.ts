import { yuan } from '../money.ts';
import type { OrderPlan } from '../order-plan.ts';
import { chinaLocalTime } from '../pay-time.ts';
import { maskedMobile, maskedName } from '../people.ts';

/** A JD POP order (jingdong.pop.order.get orderInfo) as OMS exports store it: the bare orderInfo. */

export function renderJd(plan: OrderPlan): Record<string, unknown> {
  const { buyer, lines } = plan;
  const a = buyer.address;
  // JD writes provinces short, and a 直辖市's district in the city field: 北京 / 朝阳区.
  const city = a.municipality ? a.district : a.city;
  const county = a.municipality ? '' : a.district;
  const sellerPrice = plan.goodsFen - plan.discountFen;
  return {
    orderId: `3${String(plan.serial).padStart(11, '0')}`,
    venderId: buyer.shop.id,
    orderType: '22',
    payType: plan.payment === 'cod' ? '1-货到付款' : '4-在线支付',
    orderState: plan.locked ? 'LOCKED' : 'WAIT_SELLER_STOCK_OUT',
    orderStateRemark: plan.locked ? '锁定' : '等待出库',
    orderTotalPrice: yuan(plan.goodsFen),
    orderSellerPrice: yuan(sellerPrice),
    orderPayment: yuan(sellerPrice + plan.freightFen),
    freightPrice: yuan(plan.freightFen),
    sellerDiscount: yuan(plan.discountFen),
    orderStartTime: chinaLocalTime(plan.createdMs),
    ...(plan.paidMs !== null && { paymentConfirmTime: chinaLocalTime(plan.paidMs) }),
    orderRemark: plan.buyerMessage,
    venderRemark: plan.sellerMemo,
    pin: buyer.platformId,
    consigneeInfo: {
      fullname: maskedName(buyer.person),
      telephone: '',
      mobile: maskedMobile(buyer.person),
      fullAddress: `${a.provinceShort}${city}${county}${a.town}${a.detail}`,
      province: a.provinceShort,
      city,
      county,
      town: a.town,
    },
    itemInfoList: lines.map((line) => ({
      skuId: String(100_000_000_000 + line.item.itemNo * 1_013),
      outerSkuId: line.item.sku.sku,
      skuName: line.item.sku.name,
      itemTotal: String(line.qty),
      jdPrice: yuan(line.priceFen),
      wareId: String(10_000_000_000 + line.item.itemNo * 97),
      productNo: line.item.sku.sku,
    })),
    ...invoiceFields(plan),
  };
}

function invoiceFields(plan: OrderPlan): Record<string, unknown> {
  if (!plan.invoice) return { invoiceInfo: '不需要开具发票' };
  const { title, taxId } = plan.invoice;
  return {
    invoiceEasyInfo: { invoiceType: '2', invoiceTitle: title, invoiceCode: taxId, invoiceContentId: '1' },
    invoiceInfo: `发票类型:电子发票;发票抬头:${title};发票内容:明细${taxId ? `;纳税人识别号:${taxId}` : ''}`,
  };
}
