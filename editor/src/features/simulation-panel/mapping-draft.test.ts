import { describe, expect, it } from 'vitest';
import { EMPTY_MAPPING, fieldOf, withColumn } from './mapping-draft.ts';

describe('mapping drafts', () => {
  const draft = { ...EMPTY_MAPPING, columns: { ' 订单编号 ': 'id', 付款时间: 'paidAt' } };

  it('finds a header under any spelling the mapping keeps', () => {
    expect(fieldOf(draft, '订单编号')).toBe('id');
    expect(fieldOf(draft, '收货地址')).toBe('');
  });

  it('maps a header, taking the field from the column that had it', () => {
    const next = withColumn(draft, '下单时间', 'paidAt');
    expect(next.columns).toEqual({ ' 订单编号 ': 'id', 下单时间: 'paidAt' });
  });

  it('unmaps a header, leaving the others and the rest of the document', () => {
    const next = withColumn({ ...draft, values: { status: {} } }, '订单编号', '');
    expect(next.columns).toEqual({ 付款时间: 'paidAt' });
    expect(next.values).toEqual({ status: {} });
  });
});
