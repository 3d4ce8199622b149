import { ClientSchema } from '../../client/index.ts';
import { compileStrategy } from '../../compiler/index.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import type { EngineName } from '../../runtime/index.ts';
import { createPipeline, type PipelineOptions } from '../../runtime/index.ts';

/** A client with two warehouses and a three-SKU catalogue: enough for the stock, catalogue and price checks. */
export const client = ClientSchema.parse({
  formatVersion: 1,
  id: 'demo',
  name: 'Demo',
  warehouses: [
    { id: 'WH-SH', name: '上海仓', province: '上海' },
    { id: 'WH-GZ', name: '广州仓', province: '广东' },
  ],
  skus: [
    { sku: 'LIP-01', name: '口红', price: 200 },
    { sku: 'MASK-01', name: '面膜', price: 100 },
    { sku: 'SET.2026', name: '礼盒', price: 300 },
  ],
});

export const order = (overrides: Record<string, unknown> = {}) =>
  normaliseOrder({
    id: 'T-1001',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 200, paid: 200 },
    buyer: { id: 'buyer-1' },
    receiver: {
      name: '张三',
      phone: '138****5678',
      province: '上海',
      city: '上海市',
      district: '黄浦区',
      address: '人民大道 200 号',
    },
    lines: [{ sku: 'LIP-01', qty: 1, price: 200, weightKg: 0.2 }],
    ...overrides,
  });

/** start → the check → a hold `hit` on its "yes" branch. */
export function checkStrategy(preset: string, params: Record<string, unknown> = {}) {
  const result = compileStrategy(
    {
      formatVersion: 1,
      id: `check-${preset}`,
      clientId: 'demo',
      family: 'approval',
      name: preset,
      hitPolicy: 'collect',
      nodes: [
        { id: 'start', kind: 'start', content: {} },
        { id: 'check', kind: 'approvalCheck', content: { preset, params } },
        { id: 'hold', kind: 'approval', content: { outcome: 'hold', reason: 'hit' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'check' },
        { id: 'e2', source: 'check', target: 'hold', sourceHandle: 'true' },
      ],
    },
    { client },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.compiled;
}

/** Decides each order in turn with one check; true where the check held the order. */
export async function checkHolds(
  engine: EngineName,
  preset: string,
  params: Record<string, unknown>,
  orders: ReturnType<typeof order>[],
  options: Omit<PipelineOptions, 'engine'> = {},
): Promise<boolean[]> {
  const pipeline = createPipeline([checkStrategy(preset, params)], { client, ...options, engine });
  const held: boolean[] = [];
  for (const o of orders) held.push((await pipeline.decide(o)).holds.some((h) => h.reason === 'hit'));
  return held;
}
