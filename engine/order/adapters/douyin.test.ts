import { describe, expect, it } from 'vitest';
import { adaptDouyin } from './douyin.ts';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';

describe('adaptDouyin', () => {
  it('maps an unpaid order, money from fen and times from unix seconds', () => {
    const order = adaptDouyin(loadFixture('douyin-unpaid'));
    expect(order).toMatchObject({
      id: '6931234567890123456',
      platform: 'douyin',
      shop: '4463798',
      type: 'normal',
      status: 'pending',
      payStatus: 'unpaid',
      createdAt: '2025-11-10T21:30:00+08:00',
      paidAt: null,
      amounts: { total: 39.9, paid: 39.9, freight: 0, discount: 0 },
      buyer: { id: '1@#AbCdEfGh==' },
      sellerFlag: 'none',
      labels: [],
      issues: [],
    });
    expect(order.receiver).toMatchObject({
      province: '河南省',
      city: '郑州市',
      district: '金水区',
      districtCode: '410105',
      address: '花园路与农业路交叉口东北角',
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([['MXBC-TEA-6', 1, 39.9]]);
  });

  it('reads an encrypted receiver from its masked texts, and keeps its open_address_id', () => {
    const raw = loadFixture('douyin-encrypted-receiver');
    const order = adaptDouyin(raw);
    expect(order.receiver).toEqual({
      name: '王**',
      phone: '1********35',
      province: '福建省',
      city: '厦门市',
      district: '思明区',
      address: '莲前街道莲前东路***号',
      provinceCode: '35',
      cityCode: '3502',
      districtCode: '350203',
      oaid: raw.open_address_id,
    });
    expect(order.issues).toEqual([]);
  });

  it('marks a receiver field that came only as a ciphertext as masked, not as missing', () => {
    const { mask_post_receiver, mask_post_tel, mask_post_addr, open_address_id, ...raw } =
      loadFixture('douyin-encrypted-receiver');
    const order = adaptDouyin({ ...raw, post_tel: raw.encrypt_post_tel });
    expect(order.receiver).toMatchObject({ name: '****', phone: '****', address: '莲前街道****' });
    expect('oaid' in order.receiver).toBe(false);
    const plain = adaptDouyin(loadFixture('douyin-unpaid'));
    expect(plain.receiver.address).toBe('花园路与农业路交叉口东北角');
  });

  it('keeps emoji and Chinese remarks exactly, from the response envelope', () => {
    const order = adaptDouyin(loadFixture('douyin-emoji-remark'));
    expect(order.id).toBe('6943210987654321098');
    expect(order.buyerMessage).toBe('请发顺丰🙏 不要放驿站！！生日礼物🎂 周末送');
    expect(order.sellerMemo).toBe('已备注顺丰 ✅');
    expect(order.sellerFlag).toBe('other');
    expect(order.labels).toEqual(['douyin:flag:orange']);
    expect(order).toMatchObject({
      status: 'paid',
      payStatus: 'paid',
      paidAt: '2025-11-11T00:01:15+08:00',
      amounts: { total: 258, paid: 238, freight: 10, discount: 30 },
    });
    expect(order.receiver).toMatchObject({
      province: '新疆维吾尔自治区',
      cityCode: '6501',
      districtCode: '650102',
      address: '东门街道解放北路88号 2单元301',
    });
    // Neither code nor out_sku_id is set: the platform sku id stands in.
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([['1790000000002', 2, 124]]);
  });

  it('marks presale lines and rolls a refunded line up to partRefunded', () => {
    const order = adaptDouyin(loadFixture('douyin-presale-part-refunded'));
    expect(order.type).toBe('presale');
    expect(order.refundStatus).toBe('partRefunded');
    expect(order.sellerFlag).toBe('red');
    expect(order.lines.map((l) => [l.sku, l.isPresale, l.refundStatus])).toEqual([
      ['700123', true, 'none'],
      ['ESYL-CUP', false, 'refunded'],
    ]);
    expect(order.receiver).toMatchObject({
      city: '恩施土家族苗族自治州',
      district: '利川市',
      districtCode: '422802',
    });
    // The street is already written in the detail, so it is not repeated.
    expect(order.receiver.address).toBe('都亭街道 清江大道1号');
  });

  it('maps cash on delivery in a municipality and reports the missing detail address', () => {
    const order = adaptDouyin(loadFixture('douyin-cod-municipality'));
    expect([order.type, order.status, order.payStatus]).toEqual(['cod', 'paid', 'unpaid']);
    expect(order.receiver).toMatchObject({
      province: '重庆市',
      city: '市辖区',
      district: '渝北区',
      districtCode: '500112',
    });
    expect(order.issues).toEqual([
      { code: 'address_missing', field: 'receiver.address', message: "The receiver's address is missing" },
    ]);
    expect(order.totals).toEqual({ qty: 3, lines: 1, weightKg: 0 });
  });

  it('rolls pending and fully refunded lines up', () => {
    const raw = loadFixture('douyin-presale-part-refunded');
    const lines = raw.sku_order_list as Record<string, unknown>[];
    const pending = adaptDouyin({
      ...raw,
      sku_order_list: [
        lines[0],
        { ...lines[1], after_sale_info: { after_sale_status: 6, refund_status: 1 } },
      ],
    });
    expect(pending.refundStatus).toBe('pending');
    const refunded = adaptDouyin({ ...raw, order_status: 21, sku_order_list: [lines[1]] });
    expect([refunded.refundStatus, refunded.status]).toEqual(['refunded', 'closed']);
  });

  it('refuses an order without sku orders or with a fractional fen amount', () => {
    const raw = loadFixture('douyin-unpaid');
    expect(captureInputError(() => adaptDouyin({ ...raw, sku_order_list: [] })).toJSON()).toMatchObject({
      field: 'sku_order_list',
      orderId: '6931234567890123456',
    });
    expect(captureInputError(() => adaptDouyin({ ...raw, pay_amount: 39.9 })).location.field).toBe(
      'pay_amount',
    );
    expect(
      captureInputError(() => adaptDouyin({ ...raw, shop_order_id: undefined, order_id: undefined })).location
        .field,
    ).toBe('order_id');
  });
});
