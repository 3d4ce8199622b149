import { describe, expect, it } from 'vitest';
import { outlineRows } from './outline-rows.ts';

const outline = (over: Record<string, unknown>) => ({
  status: 'approved',
  holds: [],
  flags: [],
  warehouse: 'WH-SH',
  carrier: 'ZTO',
  gifts: [],
  tags: [],
  merged: false,
  parcels: [{ warehouse: 'WH-SH', lines: [{ sku: 'A', qty: 2 }] }],
  fired: [],
  ...over,
});

describe('outlineRows', () => {
  it('puts both decisions field by field and marks the fields that differ', () => {
    const rows = outlineRows(outline({}), outline({ carrier: 'SF', gifts: [{ sku: 'G1', qty: 1 }] }));
    expect(rows.map((r) => r.field)).toEqual([
      'status',
      'holds',
      'flags',
      'warehouse',
      'carrier',
      'gifts',
      'tags',
      'parcels',
    ]);
    expect(rows.filter((r) => r.changed).map((r) => [r.field, r.baseline, r.candidate])).toEqual([
      ['carrier', 'ZTO', 'SF'],
      ['gifts', '—', 'G1×1'],
    ]);
    expect(rows.find((r) => r.field === 'parcels')?.baseline).toBe('WH-SH: A×2');
  });

  it('shows the error only when a side failed', () => {
    const rows = outlineRows(outline({}), outline({ status: 'failed', error: 'boom' }));
    expect(rows.at(-1)).toMatchObject({ field: 'error', baseline: '—', candidate: 'boom', changed: true });
  });
});
