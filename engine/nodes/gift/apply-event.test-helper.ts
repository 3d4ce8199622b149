import { type Client, ClientSchema } from '../../client/index.ts';
import type { Decision } from '../../decision/decision.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { DecisionBuilder } from '../../runtime/pipeline/decision-builder.ts';
import type { StrategyState } from '../../state/index.ts';

/** A paid Hangzhou order of three A at 100; override any field. */
export function testOrder(overrides: Record<string, unknown> = {}): StandardOrder {
  return normaliseOrder({
    id: 'O-1',
    platform: 'tmall',
    shop: 'TM-1',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 300, paid: 300 },
    buyer: { id: 'buyer-1', memberLevel: 1 },
    receiver: { province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 1 号' },
    lines: [{ sku: 'A', qty: 3, price: 100, weightKg: 0.5 }],
    ...overrides,
  });
}

/** Two warehouses and the SKUs the tests name; gift SKUs weigh 100 g, the sofa is bulky. */
export const testClient: Client = ClientSchema.parse({
  formatVersion: 1,
  id: 'c',
  name: 'Test client',
  shops: [{ id: 'TM-1', name: 'Tmall', platform: 'tmall' }],
  warehouses: [
    { id: 'WH-SH', name: 'Shanghai', province: '上海市' },
    { id: 'WH-GZ', name: 'Guangzhou', province: '广东省' },
  ],
  skus: [
    { sku: 'A', name: 'Serum', price: 100, weightKg: 0.5 },
    { sku: 'B', name: 'Serum refill', price: 60, weightKg: 0.3 },
    { sku: 'C', name: 'Cream', price: 80, weightKg: 0.4 },
    { sku: 'SOFA', name: 'Sofa', category: 'furniture', price: 3000, weightKg: 40, bulky: true },
    { sku: 'LEG', name: 'Sofa legs', category: 'hardware', price: 50, weightKg: 1 },
    { sku: 'G1', name: 'Sample', price: 0, weightKg: 0.1 },
    { sku: 'G2', name: 'Pouch', price: 0, weightKg: 0.1 },
    { sku: 'G3', name: 'Mirror', price: 0, weightKg: 0.1 },
  ],
});

/** Applies one event as the pipeline would (params parsed by the event's schema), from node `n`. */
export function applyEvent(
  event: { type: string; params: Record<string, unknown> },
  order: StandardOrder,
  state: StrategyState,
  client: Client | undefined = testClient,
  before: (decision: Decision) => void = () => {},
): Decision {
  const builder = new DecisionBuilder(order, client, state);
  before(builder.decision);
  builder.apply(event, { strategyId: 's', nodeId: 'n' });
  return builder.finish();
}
