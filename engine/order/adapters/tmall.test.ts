import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors/index.ts';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { detectPlatform } from './index.ts';
import { adaptTmall } from './tmall.ts';

describe('adaptTmall', () => {
  it('reads a trade saved from taobao.trade.get as one from taobao.trade.fullinfo.get', () => {
    const { trade_fullinfo_get_response } = loadFixture('tmall-two-lines-presale') as {
      trade_fullinfo_get_response: unknown;
    };
    const tradeGet = { trade_get_response: trade_fullinfo_get_response };
    expect(detectPlatform(tradeGet)).toBe('tmall');
    expect(adaptTmall(tradeGet)).toEqual(adaptTmall(loadFixture('tmall-two-lines-presale')));
  });

  it('maps a two-line presale trade from its response envelope', () => {
    const order = adaptTmall(loadFixture('tmall-two-lines-presale'));
    expect(order).toMatchObject({
      id: '4012345678901234567',
      platform: 'tmall',
      shop: '花西子官方旗舰店',
      type: 'presale',
      status: 'paid',
      payStatus: 'paid',
      refundStatus: 'none',
      createdAt: '2025-10-21T20:05:11+08:00',
      paidAt: '2025-11-11T00:00:03+08:00',
      amounts: { total: 598, paid: 518, freight: 0, discount: 80 },
      buyer: { id: 'AAHk5d-EAAeGwJedwSHpg8bT', nick: 't**5', memberLevel: 0 },
      sellerMemo: '双11预售 尾款已付',
      sellerFlag: 'red',
      invoiceRequested: true,
      totals: { qty: 3, lines: 2, weightKg: 0 },
      issues: [],
    });
    expect(order.receiver).toEqual({
      name: '王*',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '西溪街道文三路478号华星时代广场A座1201',
      provinceCode: '33',
      cityCode: '3301',
      districtCode: '330106',
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price, l.isPresale, l.weightKg])).toEqual([
      ['HXZ-PWD-01', 2, 199, true, 0],
      ['HXZ-LIP-SET', 1, 200, true, 0],
    ]);
  });

  it('keeps an unknown province as written and reports it, reading a bare orders[]', () => {
    const order = adaptTmall(loadFixture('tmall-unknown-province'));
    expect(order.id).toBe('3987001234567890123');
    expect(order.receiver).toMatchObject({
      province: '香港特别行政区',
      provinceCode: '',
      cityCode: '',
      districtCode: '',
    });
    expect(order.issues).toEqual([
      {
        code: 'region_unknown',
        field: 'receiver.province',
        message: 'The receiver\'s province "香港特别行政区" is not a province of China',
      },
    ]);
    expect(order.amounts).toEqual({ total: 89.9, paid: 99.9, freight: 10, discount: 0, refund: 0 });
    expect(order.lines[0]!.sku).toBe('SZSS-NUT-750');
  });

  it('resolves a municipality, rolls up a pending line refund and keeps emoji in the message', () => {
    const order = adaptTmall(loadFixture('tmall-municipality-refund-pending'));
    expect(order.receiver).toMatchObject({
      province: '上海市',
      city: '市辖区',
      district: '浦东新区',
      districtCode: '310115',
      address: '张江镇博云路2号 菜鸟驿站旁',
    });
    expect(order.refundStatus).toBe('pending');
    expect(order.lines.map((l) => l.refundStatus)).toEqual(['pending', 'none']);
    expect(order.buyerMessage).toBe('麻烦发顺丰😊 谢谢~');
    expect(order.sellerFlag).toBe('green');
    expect(order.totals).toEqual({ qty: 3, lines: 2, weightKg: 0 });
  });

  it('marks a trade waiting for payment as unpaid and falls back to the platform item id as SKU', () => {
    const order = adaptTmall(loadFixture('tmall-unpaid'));
    expect(order).toMatchObject({
      id: '2812345678901234',
      status: 'pending',
      payStatus: 'unpaid',
      paidAt: null,
    });
    expect(order.receiver).toMatchObject({ province: '广西壮族自治区', districtCode: '450103' });
    expect(order.lines[0]!.sku).toBe('530000000001');
    expect(order.invoiceRequested).toBe(false);
  });

  it('marks a deposit-only presale as part paid and cash on delivery as unpaid COD', () => {
    const raw = loadFixture('tmall-unpaid');
    const deposit = adaptTmall({
      ...raw,
      type: 'step',
      step_trade_status: 'FRONT_PAID_FINAL_NOPAID',
      status: 'WAIT_BUYER_PAY',
    });
    expect([deposit.type, deposit.payStatus]).toEqual(['presale', 'partPaid']);
    const cod = adaptTmall({ ...raw, type: 'cod', status: 'WAIT_SELLER_SEND_GOODS' });
    expect([cod.type, cod.status, cod.payStatus]).toEqual(['cod', 'paid', 'unpaid']);
  });

  it('keeps the oaid TOP sends with a masked receiver, and adds none when it sends none', () => {
    const raw = loadFixture('tmall-unpaid');
    const masked = adaptTmall({
      ...raw,
      receiver_name: '王**',
      receiver_mobile: '*******5678',
      receiver_address: '文三路**号',
      oaid: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    });
    expect(masked.receiver).toMatchObject({ name: '王**', oaid: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' });
    expect('oaid' in adaptTmall(raw).receiver).toBe(false);
    expect('oaid' in adaptTmall({ ...raw, oaid: '' }).receiver).toBe(false);
  });

  it('shows the ciphertexts of a trade from before TOP masked receivers as masked, never as text', () => {
    const raw = loadFixture('tmall-unpaid');
    const ciphered = adaptTmall({
      ...raw,
      receiver_name: '~AgAAAADKjN8Fxyy8TAA2GT4semn+oppvkOnDgjwueuQ=~vXhtOs+oximw~2~~',
      receiver_mobile: '$138$AAAAAADkt0gJgFdp5xLPYg8vGhYcx174rbTSA6WaxqQ=$2$$',
      receiver_address: '~AgAAAADKjN8FgT6V/QApofulPtD+WnmneRmB3ATUQDo=~QfFq~2~~',
    });
    expect(ciphered.receiver).toMatchObject({ name: '****', phone: '****' });
    expect(ciphered.receiver.address).toMatch(/\*{4}$/);
    for (const name of ['~小王~', '小王~', '$'])
      expect(adaptTmall({ ...raw, receiver_name: name }).receiver.name).toBe(name);
  });

  it('keeps an unknown status as an issue', () => {
    const raw = loadFixture('tmall-unpaid');
    const order = adaptTmall({ ...raw, status: 'TRADE_SOMETHING_NEW' });
    expect(order.status).toBe('pending');
    expect(order.issues.map((i) => [i.code, i.field])).toContainEqual(['status_unknown', 'status']);
  });

  it('refuses a trade with no lines, naming the field and the order', () => {
    const error = captureInputError(() => adaptTmall(loadFixture('tmall-no-lines'), { line: 7 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.toJSON()).toMatchObject({
      code: 'order_invalid',
      field: 'orders.order',
      orderId: '4000000000000000001',
      line: 7,
    });
  });

  it('refuses a numeric tid that lost digits in JSON parsing', () => {
    const error = captureInputError(() => adaptTmall(loadFixture('tmall-tid-lost-digits')));
    expect(error.toJSON()).toMatchObject({ code: 'order_invalid', field: 'tid' });
    expect(error.message).toContain('send the id as a string');
  });

  it('refuses a trade without a creation time or with an unreadable amount', () => {
    const raw = loadFixture('tmall-unpaid');
    expect(captureInputError(() => adaptTmall({ ...raw, created: undefined })).location.field).toBe(
      'created',
    );
    expect(captureInputError(() => adaptTmall({ ...raw, payment: '49元' })).location.field).toBe('payment');
  });
});
