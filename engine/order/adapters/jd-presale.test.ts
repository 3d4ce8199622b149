import { describe, expect, it } from 'vitest';
import { readRawFixture } from './fixtures.test-helper.ts';
import { adaptJd } from './jd.ts';

describe('adaptJd presale', () => {
  it("reads a presale whose balance is unpaid from sendpay's flag at 297", () => {
    const order = adaptJd(readRawFixture('jd-presale-balance-unpaid'));
    expect(order).toMatchObject({
      id: '312345678901',
      type: 'presale',
      payStatus: 'partPaid',
      status: 'paid',
    });
    expect(order.lines.map((l) => [l.sku, l.isPresale])).toEqual([['DYSON-V12-SLIM', true]]);
  });

  it('reads sendpayMap as an object too, and ignores one it cannot read', () => {
    const raw = readRawFixture('jd-presale-balance-unpaid');
    expect(adaptJd({ ...raw, sendpayMap: { 297: '1' } }).type).toBe('presale');
    expect(adaptJd({ ...raw, sendpayMap: '{"297":' })).toMatchObject({ type: 'normal', payStatus: 'paid' });
    expect(adaptJd({ ...raw, sendpayMap: '{"297":"0"}' }).type).toBe('normal');
  });

  it("takes 预售 in JD's words for the state or its order marks as a presale with its balance paid", () => {
    const raw = { ...readRawFixture('jd-presale-balance-unpaid'), sendpayMap: undefined };
    expect(adaptJd({ ...raw, orderStateRemark: '预售订单，等待出库' })).toMatchObject({
      type: 'presale',
      payStatus: 'paid',
    });
    expect(adaptJd({ ...raw, orderMarkDesc: { presale: '预售' } }).type).toBe('presale');
    expect(adaptJd(raw).type).toBe('normal');
  });

  it('keeps cash on delivery ahead of presale, and orderType out of it', () => {
    const cod = readRawFixture('jd-cod');
    expect(cod.orderType).toBe('22');
    expect(adaptJd(cod).type).toBe('cod');
    expect(adaptJd({ ...cod, sendpayMap: '{"297":"1"}' })).toMatchObject({
      type: 'cod',
      payStatus: 'unpaid',
    });
  });
});
