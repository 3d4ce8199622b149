import { describe, expect, it } from 'vitest';
import { captureInputError, loadFixture } from './fixtures.test-helper.ts';
import { adaptOrder, detectPlatform } from './index.ts';
import { adaptPdd } from './pdd.ts';

/** The bare order of a fixture, whichever way it was saved. */
function bare(name: string): Record<string, unknown> {
  const raw = loadFixture(name) as { order_info_get_response?: { order_info: Record<string, unknown> } };
  return raw.order_info_get_response?.order_info ?? (raw as Record<string, unknown>);
}

describe('adaptPdd', () => {
  it('maps pdd.order.information.get: masked receiver, open_address_id, money in yuan, China times', () => {
    const raw = loadFixture('pdd-encrypted-receiver');
    const order = adaptPdd(raw);
    expect(order).toMatchObject({
      id: '251111-508337263681094',
      platform: 'pdd',
      shop: '',
      type: 'normal',
      status: 'paid',
      payStatus: 'paid',
      refundStatus: 'none',
      createdAt: '2025-11-11T00:03:27+08:00',
      paidAt: '2025-11-11T00:03:41+08:00',
      amounts: { total: 118, paid: 98, freight: 0, discount: 20, refund: 0 },
      buyer: { id: '', nick: '', memberLevel: 0 },
      buyerMessage: '请发顺丰，周末不在家',
      sellerFlag: 'none',
      invoiceRequested: false,
      labels: ['pdd:free_sf', 'pdd:return_freight_payer'],
      issues: [],
    });
    expect(order.receiver).toMatchObject({
      name: '李**',
      phone: '*******6721',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '文三路****',
      oaid: bare('pdd-encrypted-receiver').open_address_id,
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price, l.isGift])).toEqual([
      ['CHANDO-0003', 2, 59, false],
    ]);
    expect(adaptPdd(bare('pdd-encrypted-receiver'))).toEqual(order);
  });

  it('reads an older answer without pay_time as paid when PDD confirmed it (成交), and unpaid while a group forms', () => {
    const order = adaptPdd(loadFixture('pdd-no-pay-time'));
    expect(order).toMatchObject({
      id: '180831-481803633911509',
      status: 'paid',
      payStatus: 'paid',
      paidAt: '2018-08-31T10:42:33+08:00',
      amounts: { total: 11.01, paid: 11.01, freight: 0, discount: 0, refund: 0 },
      issues: [],
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([['51972265894', 1, 11.01]]);
    const forming = adaptPdd({ ...bare('pdd-no-pay-time'), confirm_status: 0 });
    expect(forming).toMatchObject({ status: 'pending', payStatus: 'unpaid', paidAt: null });
    const paidFirst = adaptPdd({ ...bare('pdd-no-pay-time'), pay_time: '2018-08-31 10:40:00' });
    expect(paidFirst.paidAt).toBe('2018-08-31T10:40:00+08:00');
  });

  it('reads a deposit presale from an SDK: part paid, amounts as strings, the gift that ships with it, PDD’s marks', () => {
    const order = adaptPdd(loadFixture('pdd-presale-deposit'));
    expect(order).toMatchObject({
      id: '251020-337102846591277',
      type: 'presale',
      payStatus: 'partPaid',
      amounts: { total: 299, paid: 269, discount: 30 },
      sellerMemo: '定金单，尾款后发',
      sellerFlag: 'blue',
      invoiceRequested: true,
      labels: ['pdd:ship_hold', 'pdd:risk_control', 'pdd:gift_order_pending'],
    });
    expect(order.receiver).toMatchObject({
      name: '陈*',
      phone: '*******0388',
      address: '粤海街道科技园****',
    });
    expect('oaid' in order.receiver).toBe(false);
    expect(order.lines.map((l) => [l.sku, l.qty, l.price, l.isGift, l.isPresale])).toEqual([
      ['HERBORIST-0004', 1, 299, false, true],
      ['HERBORIST-0009', 2, 0, true, true],
    ]);
  });

  it('leaves out gifts PDD ships from a gift order of their own, and ships them here once none will be made', () => {
    const raw = bare('pdd-presale-deposit');
    const own = adaptPdd({ ...raw, gift_order_status: 1 });
    expect(own.lines.map((l) => l.sku)).toEqual(['HERBORIST-0004']);
    expect(own.labels).not.toContain('pdd:gift_order_pending');
    const none = (raw.gift_list as Record<string, unknown>[]).map((gift) => ({ ...gift, goods_count: 0 }));
    expect(adaptPdd({ ...raw, gift_list: none }).lines.map((l) => l.sku)).toEqual(['HERBORIST-0004']);
    const here = adaptPdd({ ...raw, gift_order_status: 2 });
    expect(here.lines.map((l) => l.sku)).toEqual(['HERBORIST-0004', 'HERBORIST-0009']);
    expect(here.labels).not.toContain('pdd:gift_order_pending');
  });

  it('writes a receiver field that came only as a ciphertext as masked, never the ciphertext', () => {
    const { receiver_name_mask, receiver_phone_mask, receiver_address_mask, ...raw } =
      bare('pdd-encrypted-receiver');
    const order = adaptPdd(raw);
    expect(order.receiver).toMatchObject({
      name: '****',
      phone: '****',
      address: '浙江省杭州市西湖区文三路****',
    });
    const { address_mask, ...none } = raw;
    expect(adaptPdd(none).receiver.address).toBe('****');
    const plain = adaptPdd({ ...raw, receiver_name: '李雷', receiver_phone: '13812346721' });
    expect(plain.receiver).toMatchObject({ name: '李雷', phone: '13812346721' });
  });

  it.each([
    [{ confirm_status: 0, pay_time: '' }, 'pending', 'unpaid'],
    [{ confirm_status: 2 }, 'cancelled', 'paid'],
    [{ order_status: 2 }, 'shipped', 'paid'],
    [{ order_status: 3 }, 'completed', 'paid'],
  ] as const)('maps %o to %s, %s', (fields, status, payStatus) => {
    const order = adaptPdd({ ...bare('pdd-encrypted-receiver'), ...fields });
    expect([order.status, order.payStatus]).toEqual([status, payStatus]);
    expect(order.issues).toEqual([]);
  });

  it('keeps a status it does not know as an issue, and refunds on the order and its lines', () => {
    const unknown = adaptPdd({ ...bare('pdd-encrypted-receiver'), order_status: 9 });
    expect(unknown.status).toBe('pending');
    expect(unknown.issues).toEqual([
      expect.objectContaining({ code: 'status_unknown', field: 'order_status' }),
    ]);
    for (const [refund, expected] of [
      [2, 'pending'],
      [3, 'pending'],
      [4, 'refunded'],
    ] as const) {
      const order = adaptPdd({ ...bare('pdd-encrypted-receiver'), refund_status: refund });
      expect(order.refundStatus).toBe(expected);
      expect(order.lines.map((l) => l.refundStatus)).toEqual([expected]);
    }
  });

  it('refuses an order without order_sn, items or a SKU, naming the field and the order', () => {
    const raw = bare('pdd-encrypted-receiver');
    const { order_sn, ...noId } = raw;
    expect(captureInputError(() => adaptPdd(noId, { line: 3 })).location).toEqual({
      line: 3,
      field: 'order_sn',
    });
    const empty = captureInputError(() => adaptPdd({ ...raw, item_list: [] }));
    expect(empty.location).toMatchObject({ field: 'item_list', orderId: order_sn });
    const noSku = captureInputError(() =>
      adaptPdd({ ...raw, item_list: [{ goods_name: '无编码', goods_count: 1, goods_price: 1 }] }),
    );
    expect(noSku.location.field).toContain('item_list[0]');
    expect(noSku.message).toContain('outer_id');
  });

  it('is detected by its order_sn, bare or in its envelope, and adapted through adaptOrder', () => {
    expect(detectPlatform(loadFixture('pdd-encrypted-receiver'))).toBe('pdd');
    expect(detectPlatform(bare('pdd-encrypted-receiver'))).toBe('pdd');
    expect(adaptOrder('pdd', loadFixture('pdd-presale-deposit')).platform).toBe('pdd');
  });
});
