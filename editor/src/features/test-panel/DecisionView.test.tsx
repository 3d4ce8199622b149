import { describe, expect, it } from 'vitest';
import type { Decision } from '../../core/engine.ts';
import { render, textOf } from '../../test-support/render.tsx';
import { DecisionView } from './DecisionView.tsx';

const decision: Decision = {
  orderId: 'S-2001',
  status: 'held',
  holds: [{ reason: 'unpaid', message: '未付款', strategyId: 'approval', nodeId: 'hold-unpaid' }],
  flags: [],
  warehouse: 'WH-SH',
  carrier: 'SF',
  gifts: [{ sku: 'GIFT-1', qty: 2, strategyId: 'gifts', nodeId: 'g' }],
  tags: ['VIP'],
  parcels: [],
  substitutions: [],
  consumed: [],
  extracted: { carrierRequest: 'SF' },
  events: [],
};

describe('DecisionView', () => {
  it('shows the decision in the consultant’s words, status first', async () => {
    const text = textOf(await render(<DecisionView decision={decision} />));
    expect(text).toMatch(/^已拦截 S-2001/);
    expect(text).toContain('拦截: unpaid 未付款');
    expect(text).toContain('仓库 WH-SH');
    expect(text).toContain('赠品 GIFT-1×2');
    expect(text).toContain('提取 carrierRequest "SF"');
  });

  it('speaks English when asked', async () => {
    const text = textOf(
      await render(<DecisionView decision={{ ...decision, status: 'approved', holds: [] }} />, 'en'),
    );
    expect(text).toMatch(/^Approved/);
    expect(text).toContain('Carrier SF');
  });
});
