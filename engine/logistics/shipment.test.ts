import { describe, expect, it } from 'vitest';
import type { Decision } from '../decision/decision.ts';
import { regionalClient, regionalOrder } from './fixtures/regional-client.ts';
import { orderShipment } from './shipment.ts';
import { shippingLines } from './shipped-lines.ts';
import { linesWeightKg } from './stock-fit.ts';

type Shipping = Pick<Decision, 'substitutions' | 'gifts'>;

describe('orderShipment', () => {
  const order = regionalOrder({
    lines: [
      { sku: 'LIP-01', qty: 2, price: 199, weightKg: 0.2 },
      { sku: 'MASK-03', qty: 3, price: 99 },
    ],
  });
  const expectMatches = (decision: Shipping, o = order) => {
    const shipment = orderShipment(o, decision, regionalClient);
    const lines = shippingLines(o, decision, regionalClient);
    expect(shipment.lines).toEqual(lines);
    expect(shipment.weightKg).toBe(linesWeightKg(lines, o, regionalClient));
    return shipment;
  };

  it('is the shipping lines and their weight, kept while the decision adds no gift or substitution', () => {
    const decision: Shipping = { substitutions: [], gifts: [] };
    const first = expectMatches(decision);
    expect(orderShipment(order, decision, regionalClient)).toBe(first);

    decision.gifts.push({ sku: 'SERUM-04', qty: 1, strategyId: 's', nodeId: 'g' });
    const gifted = expectMatches(decision);
    expect(gifted).not.toBe(first);

    decision.substitutions.push({ from: 'MASK-03', to: 'CREAM-02', qty: 3, strategyId: 's', nodeId: 'n' });
    expect(expectMatches(decision)).not.toBe(gifted);
  });

  it('is worked out anew for another order, decision or client', () => {
    const decision: Shipping = { substitutions: [], gifts: [] };
    const first = expectMatches(decision);
    expect(expectMatches({ substitutions: [], gifts: [] })).not.toBe(first);
    const other = regionalOrder({ lines: [{ sku: 'CREAM-02', qty: 1, price: 399 }] });
    expect(expectMatches(decision, other)).not.toBe(first);
    expect(orderShipment(order, decision)).not.toBe(orderShipment(order, decision, regionalClient));
    expect(orderShipment(order, decision).weightKg).toBe(
      linesWeightKg(shippingLines(order, decision), order, undefined),
    );
  });
});
