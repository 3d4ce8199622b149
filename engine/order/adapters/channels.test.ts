import { describe, expect, it } from 'vitest';
import { apiErrorAnswer } from './api-error.ts';
import { adaptChannels } from './channels.ts';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { adaptOrder, detectPlatform } from './index.ts';
import { orderPage } from './order-page.ts';

type Raw = Record<string, unknown>;
const FIXTURE = 'channels-masked-receiver-gift';
/** The order of the fixture, as SDKs hand it: without the `{errcode, errmsg, order}` envelope. */
const bare = () => (loadFixture(FIXTURE) as { order: Raw }).order;
const detailOf = (order: Raw) => order.order_detail as Raw;
const withDetail = (fields: Raw): Raw => {
  const order = bare();
  return { ...order, order_detail: { ...detailOf(order), ...fields } };
};
const products = () => detailOf(bare()).product_infos as Raw[];
/** The fixture with its first product changed and its gift dropped. */
const withProduct = (fields: Raw): Raw => withDetail({ product_infos: [{ ...products()[0], ...fields }] });
const withAddress = (fields: Raw): Raw => {
  const delivery = detailOf(bare()).delivery_info as Raw;
  return withDetail({
    delivery_info: { ...delivery, address_info: { ...(delivery.address_info as Raw), ...fields } },
  });
};

describe('adaptChannels', () => {
  it('maps /channels/ec/order/get: money from fen, times from epoch seconds, the masked receiver, notes and the gift', () => {
    const order = adaptChannels(loadFixture(FIXTURE));
    expect(order).toMatchObject({
      id: '3727324701692140032',
      platform: 'channels',
      shop: '',
      type: 'normal',
      status: 'paid',
      payStatus: 'paid',
      refundStatus: 'none',
      createdAt: '2025-11-11T00:00:05+08:00',
      paidAt: '2025-11-11T00:00:19+08:00',
      amounts: { total: 136, paid: 126, freight: 0, discount: 10, refund: 0 },
      buyer: { id: 'oZ8xY5Fq3aW0dJ4nRk2bT9sLmC1E', nick: '' },
      buyerMessage: '麻烦发顺丰，谢谢',
      sellerMemo: '老客户，送小样',
      sellerFlag: 'none',
      labels: [],
      issues: [],
    });
    expect(order.receiver).toEqual({
      name: '林**',
      phone: '183****2807',
      province: '福建省',
      city: '福州市',
      district: '罗源县',
      address: '****',
      provinceCode: '35',
      cityCode: '3501',
      districtCode: '350123',
      oaid: 'e258ec6c3333e0acb97d3e0bc875758c',
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price, l.isGift])).toEqual([
      ['CHANDO-0003', 2, 68, false],
      ['GIFT-MASK-3', 1, 0, true],
    ]);
    expect(adaptChannels(bare())).toEqual(order);
  });

  it('reads the phone of older answers and of orders that ship nothing, the house number, and the shop an OMS kept', () => {
    const older = adaptChannels(withAddress({ tel_number: '' }));
    expect(older.receiver.phone).toBe('183****2807');
    const nothingShips = adaptChannels(
      withAddress({ tel_number: '', tel_number_ext_info: {}, virtual_order_tel_number: '138****0000' }),
    );
    expect(nothingShips.receiver.phone).toBe('138****0000');
    const plain = adaptChannels(
      withAddress({ user_name: '林小明', detail_info: '滨海路18号', house_number: '3栋502', hash_code: '' }),
    );
    expect(plain.receiver).toMatchObject({ name: '林小明', address: '滨海路18号3栋502' });
    expect(plain.receiver.oaid).toBeUndefined();
    expect(adaptChannels({ ...bare(), shop_appid: 'wx3b2a1c0d9e8f7a6b' }).shop).toBe('wx3b2a1c0d9e8f7a6b');
  });

  it('labels an order whose buyer asked to change the address, until the change is settled', () => {
    const delivery = detailOf(bare()).delivery_info as Raw;
    const asked = adaptChannels(
      withDetail({
        delivery_info: {
          ...delivery,
          address_under_review: { ...(delivery.address_info as Raw), detail_info: '****新地址' },
          address_apply_time: 1762790500,
        },
      }),
    );
    expect(asked.labels).toEqual(['channels:address_under_review']);
    expect(asked.receiver.address).toBe('****');
    expect(adaptChannels(bare()).labels).toEqual([]);
  });

  it.each([
    [10, 'pending', 'unpaid'],
    [12, 'pending', 'unpaid'],
    [13, 'pending', 'unpaid'],
    [21, 'paid', 'paid'],
    [30, 'shipped', 'paid'],
    [100, 'completed', 'paid'],
    [200, 'closed', 'paid'],
    [250, 'cancelled', 'unpaid'],
  ] as const)('maps status %i to %s, %s', (status, expected, payStatus) => {
    const unpaid = status === 10 || status === 250;
    const pay = detailOf(bare()).pay_info as Raw;
    const order = adaptChannels({
      ...withDetail({ pay_info: unpaid ? { ...pay, pay_time: 0 } : pay }),
      status,
    });
    expect([order.status, order.payStatus]).toEqual([expected, payStatus]);
  });

  it('keeps an unknown status as an issue; reads the SKU code, presale and after-sales of each product', () => {
    expect(adaptChannels({ ...bare(), status: 17 }).issues).toEqual([
      expect.objectContaining({ code: 'status_unknown', field: 'status' }),
    ]);
    const sku = (fields: Raw) => adaptChannels(withProduct(fields)).lines[0]!.sku;
    expect(sku({ sku_code: '', out_sku_id: 'OUT-0003' })).toBe('OUT-0003');
    expect(sku({ sku_code: '', out_sku_id: '' })).toBe('3095702974');
    const presale = adaptChannels(withProduct({ sku_deliver_info: { stock_type: 1 } }));
    expect([presale.type, presale.lines[0]!.isPresale]).toEqual(['presale', true]);
    for (const [counts, expected] of [
      [{ on_aftersale_sku_cnt: 1 }, 'pending'],
      [{ finish_aftersale_sku_cnt: 1 }, 'partRefunded'],
      [{ finish_aftersale_sku_cnt: 2 }, 'refunded'],
    ] as const) {
      const order = adaptChannels(withProduct(counts));
      expect([order.refundStatus, order.lines[0]!.refundStatus]).toEqual([expected, expected]);
    }
    const underway = { aftersale_order_list: [{ aftersale_order_id: '1' }], on_aftersale_order_cnt: 1 };
    expect(adaptChannels({ ...bare(), aftersale_detail: underway }).refundStatus).toBe('pending');
  });

  it('refuses an order without an id or products, or money that is not whole fen, naming the field and the order', () => {
    const { order_id, ...noId } = bare();
    expect(captureInputError(() => adaptChannels(noId, { line: 4 })).location).toEqual({
      line: 4,
      field: 'order_id',
    });
    const noProducts = captureInputError(() => adaptOrder('channels', withDetail({ product_infos: [] })));
    expect(noProducts.location).toMatchObject({ field: 'order_detail.product_infos', orderId: order_id });
    const noSku = captureInputError(() =>
      adaptChannels(withProduct({ sku_code: '', out_sku_id: '', sku_id: '' })),
    );
    expect(noSku.message).toMatch(/^order_detail\.product_infos\[0\]\.sku_code: /);
    const price = detailOf(bare()).price_info as Raw;
    const yuan = captureInputError(() =>
      adaptChannels(withDetail({ price_info: { ...price, order_price: '126.00' } })),
    );
    expect(yuan.location).toMatchObject({ field: 'order_detail.price_info.order_price', orderId: order_id });
    const notAnOrder = captureInputError(() => adaptOrder('channels', { hello: 'world' }));
    expect(notAnOrder.location).toEqual({ field: 'order_id' });
  });

  it('is detected in its envelope or bare; its list page and its error answer are named as such', () => {
    expect(detectPlatform(loadFixture(FIXTURE))).toBe('channels');
    expect(detectPlatform(bare())).toBe('channels');
    const ids = ['3727324701692140032', '3727324701692140033'];
    const page = { errcode: 0, errmsg: 'ok', order_id_list: ids, next_key: 'THE_NEXT_KEY', has_more: false };
    expect(orderPage(page)).toMatchObject({
      platform: 'channels',
      api: '/channels/ec/order/list/get',
      count: 2,
    });
    const pageError = captureInputError(() => adaptOrder(detectPlatform(page)!, page));
    expect(pageError.code).toBe('order_page');
    expect(pageError.message).toMatch(
      /^a page of 2 WeChat Channels order ids from \/channels\/ec\/order\/list\/get, not an order: it lists only ids \(at \.order_id_list\)\. Fetch each order with \/channels\/ec\/order\/get/,
    );
    expect(pageError.message).not.toContain('jq');
    const failed = { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    expect(apiErrorAnswer(failed)).toBe('40001 invalid credential, access_token is invalid or not latest');
    expect(captureInputError(() => adaptOrder(detectPlatform(failed)!, failed)).code).toBe(
      'api_error_answer',
    );
    expect(apiErrorAnswer(loadFixture(FIXTURE))).toBeUndefined();
  });
});
