import { describe, expect, it } from 'vitest';
import { captureInputError, readRawFixture } from './fixtures.test-helper.ts';
import { adaptTmall } from './tmall.ts';

/** TOP trades as Taobao's API sends them: numeric 19-digit ids, and the seller's type on each line. */
describe('adaptTmall on TOP trades', () => {
  it('keeps every digit of a numeric 19-digit tid, read as raw orders are read', () => {
    const order = adaptTmall(readRawFixture('tmall-top-numeric-ids'));
    expect(order).toMatchObject({
      id: '3456789012345678901',
      platform: 'tmall',
      shop: '良品铺子官方旗舰店',
      status: 'paid',
      payStatus: 'paid',
      amounts: { total: 477, paid: 437, freight: 0, discount: 40 },
      receiver: { province: '湖北省', city: '武汉市', district: '洪山区', districtCode: '420111' },
      issues: [],
    });
    expect(order.lines.map((l) => [l.sku, l.qty, l.price])).toEqual([
      ['LPPZ-NUT-750', 2, 159],
      ['LPPZ-MANGO-108', 1, 179],
    ]);
  });

  it('reads a C (普通卖家) seller as Taobao, whatever trade_from says', () => {
    const raw = readRawFixture('taobao-c-shop-jhs');
    expect(raw.trade_from).toBe('WAP,JHS');
    const order = adaptTmall(raw);
    expect(order).toMatchObject({ id: '2987654321098765432', platform: 'taobao', sellerFlag: 'yellow' });
  });

  it('takes the seller type from the lines, then the trade, and stays Tmall when nothing says', () => {
    const raw = readRawFixture('tmall-top-numeric-ids');
    const trade = (raw.trade_fullinfo_get_response as { trade: Record<string, unknown> }).trade;
    const lines = (trade.orders as { order: Record<string, unknown>[] }).order;
    const bare = { ...trade, orders: lines.map(({ seller_type: _, ...line }) => line) };
    expect(adaptTmall(bare).platform).toBe('tmall');
    expect(adaptTmall({ ...bare, shop_type: 'C' }).platform).toBe('taobao');
    expect(adaptTmall({ ...bare, seller_type: 'c' }).platform).toBe('taobao');
    expect(adaptTmall({ ...bare, shop_type: 'B' }).platform).toBe('tmall');
    expect(adaptTmall({ ...trade, shop_type: 'C' }).platform).toBe('tmall');
  });

  it.each([
    [1.5, '1.5'],
    [true, 'true'],
    [{ id: 1 }, '{"id":1}'],
  ])('refuses a tid of %s, naming the field', (tid, shown) => {
    const raw = readRawFixture('taobao-c-shop-jhs');
    const error = captureInputError(() => adaptTmall({ ...raw, tid, tid_str: undefined }));
    expect(error.toJSON()).toMatchObject({ code: 'order_invalid', field: 'tid' });
    expect(error.message).toBe(`tid: ${shown} is not an order id (a string or a whole number)`);
  });
});
