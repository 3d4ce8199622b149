import { describe, expect, it } from 'vitest';
import { projectFields } from './project-fields.ts';

// An order with the fields a typical manifest reads; no buyer, so `buyer.nick` is missing.
const sampleOrder = {
  id: 'TB20241111000123',
  amounts: { total: 299.5, paid: 299.5, freight: 0 },
  receiver: { province: '浙江省', city: '杭州市', district: '西湖区' },
  lines: [
    { sku: 'SKU-LIP-01', qty: 2, price: 99.5 },
    { sku: 'SKU-MASK-03', qty: 1, price: 100.5 },
  ],
};

describe('projectFields', () => {
  it('copies only the named paths, through arrays element by element', () => {
    expect(projectFields(sampleOrder, ['id', 'receiver.province', 'lines.sku', 'lines.qty'])).toEqual({
      id: sampleOrder.id,
      receiver: { province: '浙江省' },
      lines: [
        { sku: 'SKU-LIP-01', qty: 2 },
        { sku: 'SKU-MASK-03', qty: 1 },
      ],
    });
  });

  it('leaves out what is missing and returns copies, not the order’s own objects', () => {
    const projected = projectFields(sampleOrder, ['amounts', 'buyer.nick', 'nothing']);
    expect(projected).toEqual({ amounts: sampleOrder.amounts });
    expect(projected.amounts).not.toBe(sampleOrder.amounts);
  });

  it('reads own properties only and refuses prototype paths', () => {
    const order = Object.create({ inherited: 'secret' }) as Record<string, unknown>;
    order.id = 'T1';
    expect(projectFields(order, ['id', 'inherited'])).toEqual({ id: 'T1' });
    expect(() => projectFields(order, ['__proto__.polluted'])).toThrow(RangeError);
    expect(() => projectFields(order, ['receiver..city'])).toThrow(RangeError);
  });

  it('drops prototype keys inside copied values, so merging two paths cannot set a prototype', () => {
    const order = JSON.parse('{"receiver": {"__proto__": {"polluted": true}, "city": "杭州市"}}');
    const projected = projectFields(order, ['receiver', 'receiver.city']);
    expect(projected).toEqual({ receiver: { city: '杭州市' } });
    expect(Object.getPrototypeOf(projected.receiver)).toBe(Object.prototype);
  });
});
