import { describe, expect, it } from 'vitest';
import { apiErrorAnswer } from './api-error.ts';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { adaptOrder, detectPlatform } from './index.ts';
import { orderPage } from './order-page.ts';
import { adaptXiaohongshu } from './xiaohongshu.ts';

type Raw = Record<string, unknown>;
/** The order of the fixture, as the list API and SDKs hand it: without the response envelope. */
const bare = () => (loadFixture('xiaohongshu-hidden-receiver') as { data: Raw }).data;
const skus = () => bare().skuList as Raw[];
const withSku = (index: number, fields: Raw): Raw[] =>
  skus().map((sku, i) => (i === index ? { ...sku, ...fields } : sku));

describe('adaptXiaohongshu', () => {
  it('maps order.getOrderDetail: money from fen, times from epoch ms, gifts, notes, flag, tags and the addressee id', () => {
    const order = adaptXiaohongshu(loadFixture('xiaohongshu-hidden-receiver'));
    expect(order).toMatchObject({
      id: 'P778523104823061201',
      platform: 'xiaohongshu',
      shop: '5f8d2c1b9a7e6d4c3b2a1f0e',
      type: 'normal',
      status: 'paid',
      payStatus: 'paid',
      refundStatus: 'none',
      createdAt: '2025-11-11T00:00:05+08:00',
      paidAt: '2025-11-11T00:00:18+08:00',
      amounts: { total: 138, paid: 118, freight: 0, discount: 20, refund: 0 },
      buyer: { id: '5e9c8b7a6f5d4c3b2a1f0e9d', nick: '' },
      buyerMessage: '请发中通，谢谢',
      sellerMemo: '老客户，赠品已备',
      sellerFlag: 'yellow',
      labels: ['xiaohongshu:urgent_ship'],
      issues: [],
    });
    // The detail answer leaves the receiver out: there, but not shown.
    expect(order.receiver).toMatchObject({
      name: '****',
      phone: '****',
      province: '广东省',
      city: '广州市',
      district: '天河区',
      address: '****',
      oaid: 'a7f3c9e2b1d04e6f8a5b2c1d',
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price, l.isGift])).toEqual([
      ['CHANDO-0003', 2, 69, false],
      ['CHANDO-0009', 1, 0, true],
    ]);
    expect(adaptXiaohongshu(bare())).toEqual(order);
  });

  it('prices a SKU from its summed amounts with the discounts added back, and totals the sums themselves', () => {
    const order = adaptXiaohongshu({
      ...bare(),
      skuList: withSku(0, {
        skuQuantity: 3,
        totalPaidAmount: 80,
        totalMerchantDiscount: 10,
        totalRedDiscount: 10,
      }),
    });
    expect(order.lines[0]).toMatchObject({ qty: 3, price: 0.33 });
    expect(order.amounts.total).toBe(1);
  });

  it('reads the receiver an OMS fetched with order.getOrderReceiverInfo, unless it no longer matches', () => {
    const fetched = {
      orderId: 'P778523104823061201',
      matched: true,
      receiverProvinceName: '广东省',
      receiverCityName: '广州市',
      receiverDistrictName: '天河区',
      receiverTownName: '石牌街道',
      receiverName: '陈小姐',
      receiverPhone: '13800138000',
      receiverAddress: '天河路 385 号',
    };
    const read = adaptXiaohongshu({ ...bare(), orderReceiverInfo: fetched });
    expect(read.receiver).toMatchObject({
      name: '陈小姐',
      phone: '13800138000',
      address: '石牌街道天河路 385 号',
      oaid: 'a7f3c9e2b1d04e6f8a5b2c1d',
    });
    const stale = adaptXiaohongshu({ ...bare(), orderReceiverInfo: { ...fetched, matched: false } });
    expect(stale.receiver).toMatchObject({ name: '****', phone: '****', address: '****' });
    const { openAddressId, ...none } = bare();
    expect(adaptXiaohongshu(none).receiver).toMatchObject({ name: '', phone: '', address: '' });
    expect(adaptXiaohongshu(none).receiver.oaid).toBeUndefined();
  });

  it.each([
    [1, 'pending', 'unpaid'],
    [3, 'paid', 'paid'],
    [5, 'paid', 'paid'],
    [6, 'shipped', 'paid'],
    [7, 'completed', 'paid'],
    [8, 'closed', 'paid'],
    [9, 'cancelled', 'paid'],
    [10, 'completed', 'paid'],
  ] as const)('maps orderStatus %i to %s, %s', (orderStatus, status, payStatus) => {
    const order = adaptXiaohongshu({ ...bare(), orderStatus, ...(orderStatus === 1 ? { paidTime: 0 } : {}) });
    expect([order.status, order.payStatus]).toEqual([status, payStatus]);
  });

  it('keeps an unknown status as an issue; reads presales, reships, flags and a cancellation asked for', () => {
    expect(adaptXiaohongshu({ ...bare(), orderStatus: 42 }).issues).toEqual([
      expect.objectContaining({ code: 'status_unknown', field: 'orderStatus' }),
    ]);
    const presale = adaptXiaohongshu({ ...bare(), orderType: 2 });
    expect([presale.type, presale.lines.every((l) => l.isPresale)]).toEqual(['presale', true]);
    expect(adaptXiaohongshu({ ...bare(), orderType: 5 }).type).toBe('resend');
    expect(adaptXiaohongshu({ ...bare(), sellerRemarkFlag: 2 }).sellerFlag).toBe('red');
    expect(adaptXiaohongshu({ ...bare(), sellerRemarkFlag: 1 }).sellerFlag).toBe('none');
    expect(adaptXiaohongshu({ ...bare(), sellerRemarkFlag: 9 }).sellerFlag).toBe('other');
    expect(adaptXiaohongshu({ ...bare(), cancelStatus: 1, orderTagList: [] }).labels).toEqual([
      'xiaohongshu:cancel_requested',
    ]);
  });

  it("reads after-sales per SKU, else the order's", () => {
    const one = adaptXiaohongshu({ ...bare(), skuList: withSku(0, { skuAfterSaleStatus: 3 }) });
    expect([one.lines[0]!.refundStatus, one.lines[1]!.refundStatus, one.refundStatus]).toEqual([
      'refunded',
      'none',
      'partRefunded',
    ]);
    const asked = adaptXiaohongshu({ ...bare(), skuList: withSku(1, { skuAfterSaleStatus: 6 }) });
    expect(asked.refundStatus).toBe('pending');
    const { skuAfterSaleStatus, ...unmarked } = skus()[0]!;
    const whole = adaptXiaohongshu({ ...bare(), orderAfterSalesStatus: 2, skuList: [unmarked] });
    expect([whole.lines[0]!.refundStatus, whole.refundStatus]).toEqual(['pending', 'pending']);
  });

  it('refuses an order without an id, SKUs or a SKU code, naming the field and the order', () => {
    const { orderId, ...noId } = bare();
    expect(captureInputError(() => adaptXiaohongshu(noId, { line: 4 })).location).toEqual({
      line: 4,
      field: 'orderId',
    });
    expect(captureInputError(() => adaptXiaohongshu({ ...bare(), skuList: [] })).location).toMatchObject({
      field: 'skuList',
      orderId: 'P778523104823061201',
    });
    const noCode = captureInputError(() =>
      adaptXiaohongshu({ ...bare(), skuList: withSku(0, { erpcode: '', skuId: '' }) }),
    );
    expect(noCode.location).toMatchObject({ field: 'skuList[0].erpcode' });
    const badMoney = captureInputError(() =>
      adaptXiaohongshu({ ...bare(), skuList: withSku(0, { totalPaidAmount: 12.5 }) }),
    );
    expect(badMoney.message).toContain('whole number of fen');
  });

  it('is detected in its envelope or bare; its list page and its error answer are named as such', () => {
    expect(detectPlatform(loadFixture('xiaohongshu-hidden-receiver'))).toBe('xiaohongshu');
    expect(detectPlatform(bare())).toBe('xiaohongshu');
    const page = {
      success: true,
      error_code: 0,
      data: { total: 2, pageNo: 1, pageSize: 50, maxPageNo: 1, orderList: [bare(), bare()] },
    };
    expect(orderPage(page)).toMatchObject({ platform: 'xiaohongshu', api: 'order.getOrderList', count: 2 });
    expect(orderPage(page.data)).toMatchObject({ platform: 'xiaohongshu', count: 2 });
    expect(captureInputError(() => adaptOrder('xiaohongshu', page)).message).toContain('Xiaohongshu orders');
    // Kuaishou's page keeps its orders at the same path, with a cursor where this one counts pages.
    const kuaishou = { result: 1, data: { pcursor: 'nomore', orderList: [] } };
    expect(orderPage(kuaishou)).toMatchObject({ platform: 'kuaishou' });
    const failed = { success: false, error_code: -1001, error_msg: 'accessToken已过期', data: null };
    expect(apiErrorAnswer(failed)).toBe('-1001 accessToken已过期');
    expect(captureInputError(() => adaptOrder('xiaohongshu', failed)).code).toBe('api_error_answer');
    expect(apiErrorAnswer(loadFixture('xiaohongshu-hidden-receiver'))).toBeUndefined();
  });
});
