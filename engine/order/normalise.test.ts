import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/index.ts';
import { normaliseOrder, safeNormaliseOrder } from './normalise.ts';
import type { StandardOrderInput } from './schema.ts';

const base: StandardOrderInput = {
  id: 'SO-1',
  platform: 'other',
  createdAt: '2025-11-11T00:00:03+08:00',
  amounts: { total: 100 },
  receiver: { province: '浙江', city: '杭州', district: '西湖', address: '文三路1号' },
  lines: [
    { sku: 'A', qty: 2, price: 30, weightKg: 0.3335 },
    { sku: 'B', qty: 1, price: 40, weightKg: 1.25 },
  ],
};

describe('normaliseOrder', () => {
  it('fills defaults, totals and GB/T 2260 names and codes', () => {
    const order = normaliseOrder(base);
    expect(order.totals).toEqual({ qty: 3, lines: 2, weightKg: 1.917 });
    expect(order.receiver).toMatchObject({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      provinceCode: '33',
      cityCode: '3301',
      districtCode: '330106',
    });
    expect(order).toMatchObject({ status: 'paid', payStatus: 'paid', paidAt: null, issues: [], labels: [] });
  });

  it('recomputes totals given in the input', () => {
    expect(normaliseOrder({ ...base, totals: { qty: 99, lines: 99, weightKg: 99 } }).totals.qty).toBe(3);
  });

  it('reports unresolvable regions and a missing address, keeping other issues', () => {
    const order = normaliseOrder({
      ...base,
      receiver: { province: '浙江省', city: '杭州市', district: '火星区', address: '  ' },
      issues: [{ code: 'status_unknown', field: 'status', message: 'x' }],
    });
    expect(order.receiver.district).toBe('火星区');
    expect(order.receiver.districtCode).toBe('');
    expect(order.issues.map((i) => `${i.code} ${i.field}`)).toEqual([
      'status_unknown status',
      'region_unknown receiver.district',
      'address_missing receiver.address',
    ]);
  });

  it('is idempotent: normalising twice neither duplicates nor keeps stale issues', () => {
    const once = normaliseOrder({ ...base, receiver: { province: '', address: '' } });
    expect(normaliseOrder(once)).toEqual(once);
    const fixed = normaliseOrder({ ...once, receiver: { ...once.receiver, ...base.receiver } });
    expect(fixed.issues).toEqual([]);
  });

  it('de-duplicates identical issues', () => {
    const issue = { code: 'x', field: 'y', message: 'z' };
    expect(normaliseOrder({ ...base, issues: [issue, issue] }).issues).toEqual([issue]);
  });

  it('fills names from codes when only codes are given', () => {
    const order = normaliseOrder({
      ...base,
      receiver: { provinceCode: '11', cityCode: '1101', districtCode: '110105', address: 'x' },
    });
    expect(order.receiver).toMatchObject({
      province: '北京市',
      city: '市辖区',
      district: '朝阳区',
      districtCode: '110105',
    });
    expect(order.issues).toEqual([]);
  });

  it('throws order_invalid naming the first bad field and listing every problem', () => {
    const bad = { ...base, lines: [{ sku: 'A', qty: 0, price: 1 }], createdAt: 'yesterday' };
    let error: InputError | undefined;
    try {
      normaliseOrder(bad, { line: 9 });
    } catch (e) {
      error = e as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error!.code).toBe('order_invalid');
    expect(error!.location).toEqual({ field: 'createdAt', orderId: 'SO-1', line: 9 });
    expect(error!.message).toMatch(
      /^Order SO-1 is not a valid standard order: createdAt: .+; lines\[0\]\.qty: .+$/,
    );
  });

  it('takes an order without lines, as an order-level export gives, with zero totals', () => {
    const order = normaliseOrder({ ...base, lines: [] });
    expect(order.lines).toEqual([]);
    expect(order.totals).toEqual({ qty: 0, lines: 0, weightKg: 0 });
  });

  it('still refuses an order whose lines are missing rather than empty', () => {
    const { lines: _, ...noLines } = base;
    expect(() => normaliseOrder(noLines)).toThrow(/lines: /);
  });

  it('reads no refund as none', () => {
    const order = normaliseOrder({ ...base, amounts: { total: 100, paid: 100 } });
    expect(order.amounts.refund).toBe(0);
    expect(order.refundStatus).toBe('none');
  });

  it('derives the refund status from the refund amount when the order states none', () => {
    const status = (paid: number, refund: number) =>
      normaliseOrder({ ...base, amounts: { total: 100, paid, refund } }).refundStatus;
    expect(status(100, 30)).toBe('partRefunded');
    expect(status(100, 100)).toBe('refunded');
    expect(status(99.9, 99.9)).toBe('refunded');
    expect(status(100, 0.01)).toBe('partRefunded');
  });

  it('keeps a stated refund status whatever the amount, and keeps a derived one when normalised again', () => {
    const amounts = { total: 100, paid: 100, refund: 100 };
    expect(normaliseOrder({ ...base, amounts, refundStatus: 'pending' }).refundStatus).toBe('pending');
    expect(normaliseOrder({ ...base, amounts, refundStatus: 'none' }).refundStatus).toBe('none');
    const derived = normaliseOrder({ ...base, amounts: { ...amounts, refund: 40 } });
    expect(normaliseOrder(derived)).toEqual(derived);
  });

  it('refuses a negative refund, naming the field', () => {
    expect(() => normaliseOrder({ ...base, amounts: { total: 100, refund: -5 } })).toThrow(
      /amounts\.refund: /,
    );
  });

  it('reports a non-object input', () => {
    expect(() => normaliseOrder('nope')).toThrow(/The order is not a valid standard order: \(order\): /);
  });
});

describe('safeNormaliseOrder', () => {
  it('returns the order or the error instead of throwing', () => {
    const ok = safeNormaliseOrder(base);
    expect(ok.ok && ok.order.id).toBe('SO-1');
    const bad = safeNormaliseOrder({ ...base, id: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.location.field).toBe('id');
  });
});
