import { describe, expect, it } from 'vitest';
import { apiErrorAnswer } from './api-error.ts';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { adaptOrder, detectPlatform } from './index.ts';
import { adaptKuaishou } from './kuaishou.ts';
import { orderPage } from './order-page.ts';

type Raw = Record<string, unknown>;
/** The order of the fixture, as the list API and SDKs hand it: without the response envelope. */
const bare = () => (loadFixture('kuaishou-encrypted-receiver') as { data: Raw }).data;
const withBase = (fields: Raw): Raw => {
  const order = bare();
  return { ...order, orderBaseInfo: { ...(order.orderBaseInfo as Raw), ...fields } };
};

describe('adaptKuaishou', () => {
  it('maps open.order.detail: money from fen, times from epoch ms, the desensitised receiver, notes and flag', () => {
    const order = adaptKuaishou(loadFixture('kuaishou-encrypted-receiver'));
    expect(order).toMatchObject({
      id: '2421300093168518',
      platform: 'kuaishou',
      shop: 'f19b7a1a2ed3a0c4e1d6b0c8ffff',
      type: 'normal',
      status: 'paid',
      payStatus: 'paid',
      refundStatus: 'none',
      createdAt: '2025-11-11T00:00:01+08:00',
      paidAt: '2025-11-11T00:00:19+08:00',
      amounts: { total: 138, paid: 118, freight: 0, discount: 20, refund: 0 },
      buyer: { id: 'f19b7a1a2ed3a0c4e1d6b0c8f4a2', nick: '快手用户9527' },
      buyerMessage: '麻烦发顺丰，谢谢',
      sellerMemo: '老客户，送小样',
      sellerFlag: 'yellow',
      issues: [],
    });
    expect(order.receiver).toMatchObject({
      name: '卢*',
      phone: '*******2231',
      province: '河南省',
      city: '郑州市',
      district: '金水区',
      address: '****路与龙海**路交叉口',
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([['CHANDO-0003', 2, 69]]);
    expect(adaptKuaishou(bare())).toEqual(order);
  });

  it('adds money up in whole fen', () => {
    const order = bare();
    const item = { ...(order.orderItemInfo as Raw), price: 10, num: 3 };
    const cheap = adaptKuaishou({ ...withBase({ totalFee: 10, expressFee: 20 }), orderItemInfo: item });
    expect(cheap.amounts).toMatchObject({ total: 0.3, paid: 0.3 });
  });

  it('reads the plain receiver of an older order, and **** where only a ciphertext came', () => {
    const order = bare();
    const address = order.orderAddress as Raw;
    const plain = adaptKuaishou({
      ...order,
      orderAddress: { ...address, consignee: '卢小明', mobile: '13812342231' },
    });
    expect(plain.receiver).toMatchObject({ name: '卢小明', phone: '13812342231' });
    const { desensitiseConsignee, desensitiseMobile, desensitiseAddress, ...ciphered } = address;
    expect(adaptKuaishou({ ...order, orderAddress: ciphered }).receiver).toMatchObject({
      name: '****',
      phone: '****',
      address: '****',
    });
  });

  it.each([
    [10, 'pending', 'unpaid'],
    [40, 'shipped', 'paid'],
    [50, 'shipped', 'paid'],
    [70, 'completed', 'paid'],
    [80, 'closed', 'paid'],
  ] as const)('maps status %i to %s, %s', (status, expected, payStatus) => {
    const order = adaptKuaishou(withBase({ status, ...(status === 10 ? { payTime: 0 } : {}) }));
    expect([order.status, order.payStatus]).toEqual([expected, payStatus]);
  });

  it('keeps an unknown status as an issue; reads presale, refunds and the seller notes of the older API', () => {
    const unknown = adaptKuaishou(withBase({ status: 0 }));
    expect(unknown.issues).toEqual([
      expect.objectContaining({ code: 'status_unknown', field: 'orderBaseInfo.status' }),
    ]);
    expect(adaptKuaishou(withBase({ preSale: 1 }))).toMatchObject({ type: 'presale' });
    for (const [refundStatus, expected] of [
      [10, 'pending'],
      [50, 'pending'],
      [60, 'refunded'],
      [70, 'none'],
    ] as const) {
      const order = adaptKuaishou({ ...bare(), orderRefundList: [{ refundId: 1, refundStatus }] });
      expect([order.refundStatus, order.lines[0]!.refundStatus]).toEqual([expected, expected]);
    }
    const older = adaptKuaishou({
      ...withBase({ flagTagCode: undefined }),
      orderNote: { sellerNote: ['请给好评', '加急'] },
    });
    expect([older.sellerMemo, older.sellerFlag]).toEqual(['请给好评\n加急', 'none']);
    expect(adaptKuaishou(withBase({ flagTagCode: 'orange_flag_tag_order' })).sellerFlag).toBe('other');
  });

  it('refuses an order without an id or an item, naming the field and the order', () => {
    const { oid, ...base } = bare().orderBaseInfo as Raw;
    const noId = captureInputError(() => adaptKuaishou({ ...bare(), orderBaseInfo: base }, { line: 4 }));
    expect(noId.location).toEqual({ line: 4, field: 'orderBaseInfo.oid' });
    const noItem = captureInputError(() => adaptKuaishou({ ...bare(), orderItemInfo: null }));
    expect(noItem.location).toMatchObject({ field: 'orderItemInfo', orderId: String(oid) });
    const noSku = captureInputError(() =>
      adaptKuaishou({ ...bare(), orderItemInfo: { itemTitle: '无编码', num: 1, price: 100, relSkuId: 0 } }),
    );
    expect(noSku.message).toContain('skuNick');
  });

  it('is detected in its envelope or bare; its list page and its error answer are named as such', () => {
    expect(detectPlatform(loadFixture('kuaishou-encrypted-receiver'))).toBe('kuaishou');
    expect(detectPlatform(bare())).toBe('kuaishou');
    const page = { result: 1, data: { cursor: 'nomore', pageSize: 2, orderList: [bare(), bare()] } };
    expect(orderPage(page)).toMatchObject({ platform: 'kuaishou', api: 'open.order.cursor.list', count: 2 });
    expect(captureInputError(() => adaptOrder('kuaishou', page)).code).toBe('order_page');
    const failed = { result: 24, code: '802000', error_msg: 'access_token已过期', data: null };
    expect(apiErrorAnswer(failed)).toBe('802000 access_token已过期');
    expect(apiErrorAnswer(loadFixture('kuaishou-encrypted-receiver'))).toBeUndefined();
  });
});
