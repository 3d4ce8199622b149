import { describe, expect, it } from 'vitest';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { detectPlatform } from './index.ts';
import { adaptJd } from './jd.ts';

describe('adaptJd', () => {
  it('reads an order from jingdong.pop.order.enGet, the encrypted twin of order.get, as from order.get', () => {
    const raw = loadFixture('jd-cod');
    const enGet = {
      jingdong_pop_order_enGet_responce: {
        code: '0',
        orderDetailInfo: { apiResult: { success: true }, orderInfo: raw },
      },
    };
    expect(detectPlatform(enGet)).toBe('jd');
    expect(adaptJd(enGet)).toEqual(adaptJd(raw));
  });

  it('maps a cash-on-delivery order', () => {
    const order = adaptJd(loadFixture('jd-cod'));
    expect(order).toMatchObject({
      id: '298765432101',
      platform: 'jd',
      shop: '10086123',
      type: 'cod',
      status: 'paid',
      payStatus: 'unpaid',
      refundStatus: 'none',
      createdAt: '2025-06-18T09:12:45+08:00',
      paidAt: null,
      amounts: { total: 1299, paid: 1211, freight: 12, discount: 100 },
      buyer: { id: 'jd_5a1b2c3d4e', nick: 'jd_5a1b2c3d4e' },
      buyerMessage: '送货前请电联',
      invoiceRequested: false,
      totals: { qty: 1, lines: 1, weightKg: 0 },
      issues: [],
    });
    expect(order.receiver).toEqual({
      name: '刘**',
      phone: '137****9876',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      address: '科技园南区高新南七道10号',
      provinceCode: '44',
      cityCode: '4403',
      districtCode: '440305',
    });
    expect(order.lines).toEqual([
      {
        sku: 'MI-BAND9-BLK',
        name: '小米手环9 NFC版 黑色',
        qty: 1,
        price: 1299,
        weightKg: 0,
        volumeL: 0,
        category: '',
        isGift: false,
        isPresale: false,
        refundStatus: 'none',
      },
    ]);
  });

  it('resolves a Beijing order whose city field holds the district (北京 / 朝阳区 / 三环到四环之间)', () => {
    const order = adaptJd(loadFixture('jd-municipality'));
    expect(order.id).toBe('301234567890');
    expect(order.shop).toBe('10086123');
    expect(order.receiver).toMatchObject({
      province: '北京市',
      city: '市辖区',
      district: '朝阳区',
      provinceCode: '11',
      cityCode: '1101',
      districtCode: '110105',
      address: '望京SOHO T1 1508',
    });
    expect(order).toMatchObject({ type: 'normal', payStatus: 'paid', paidAt: '2025-06-18T09:13:02+08:00' });
    expect(order.sellerMemo).toBe('VIP客户 加急');
    expect(order.invoiceRequested).toBe(true);
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([
      ['100098765432', 2, 99],
      ['JZ-QUILT-200', 1, 160],
    ]);
    expect(order.totals).toEqual({ qty: 3, lines: 2, weightKg: 0 });
  });

  it('turns a platform lock into an issue approval can hold on', () => {
    const order = adaptJd(loadFixture('jd-locked'));
    expect(order.status).toBe('paid');
    expect(order.issues).toEqual([
      {
        code: 'platform_locked',
        field: 'orderState',
        message: 'JD has locked the order (LOCKED), usually while the buyer asks to cancel',
      },
    ]);
    expect(order.receiver).toMatchObject({ districtCode: '510107', address: '佳灵路3号' });
  });

  it('maps shipped, finished and cancelled states', () => {
    const raw = loadFixture('jd-locked');
    expect(adaptJd({ ...raw, orderState: 'WAIT_GOODS_RECEIVE_CONFIRM' }).status).toBe('shipped');
    expect(adaptJd({ ...raw, orderState: 'FINISHED_L' }).status).toBe('completed');
    expect(adaptJd({ ...raw, orderState: 'TRADE_CANCELED' }).status).toBe('cancelled');
  });

  it('refuses an order without an id or without items', () => {
    const noId = captureInputError(() => adaptJd(loadFixture('jd-missing-order-id'), { line: 3 }));
    expect(noId.toJSON()).toMatchObject({ code: 'order_invalid', field: 'orderId', line: 3 });
    const noItems = captureInputError(() => adaptJd({ ...loadFixture('jd-cod'), itemInfoList: [] }));
    expect(noItems.toJSON()).toMatchObject({ field: 'itemInfoList', orderId: '298765432101' });
    const badQty = captureInputError(() =>
      adaptJd({ ...loadFixture('jd-cod'), itemInfoList: [{ skuId: '1', itemTotal: '0', jdPrice: '1.00' }] }),
    );
    expect(badQty.location.field).toBe('itemInfoList[0].itemTotal');
    expect(badQty.message).toBe('itemInfoList[0].itemTotal: "0" is not a quantity');
    expect(badQty.location).toMatchObject({ orderId: '298765432101' });
    const notAnItem = captureInputError(() =>
      adaptJd({
        ...loadFixture('jd-cod'),
        itemInfoList: [{ skuId: '1', itemTotal: '1', jdPrice: '1.00' }, 7],
      }),
    );
    expect(notAnItem.message).toBe('itemInfoList[1]: expected an object, got 7');
  });
});
