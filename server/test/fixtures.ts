import type { Client } from '../../engine/client/index.ts';
import { type CompiledStrategy, compileStrategy } from '../../engine/compiler/index.ts';
import type { Strategy } from '../../engine/graph/schema.ts';

/** A client without master data: its strategies compile without reference checks. */
export function bareClient(id: string, name = `Client ${id}`): Client {
  return { formatVersion: 1, id, name, shops: [], warehouses: [], carriers: [], skus: [] };
}

/** The smallest useful strategy: tag every order with `tag`. */
export function tagStrategy(clientId: string, id: string, tag = 'tagged'): Strategy {
  return {
    formatVersion: 1,
    id,
    clientId,
    family: 'tag',
    name: `Tag ${tag}`,
    description: '',
    hitPolicy: 'collect',
    nodes: [
      { id: 'start', kind: 'start', kindVersion: 1, name: '', content: {}, position: { x: 0, y: 0 } },
      {
        id: 'tag',
        kind: 'action',
        kindVersion: 1,
        name: '',
        content: { type: 'tag', params: { tag } },
        position: { x: 200, y: 0 },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'tag' }],
    tests: [],
  };
}

export function compiled(strategy: Strategy): CompiledStrategy {
  const result = compileStrategy(strategy);
  if (!result.ok) throw new Error(`fixture does not compile: ${JSON.stringify(result.issues)}`);
  return result.compiled;
}

/** A paid standard order shipping to Hangzhou. */
/** The receiver of the fixture orders: a complete Hangzhou address. */
export const HANGZHOU_RECEIVER = {
  name: '王*',
  phone: '138****5678',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 90 号',
};

export function standardOrder(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:05+08:00',
    paidAt: '2026-11-11T00:00:09+08:00',
    amounts: { total: 278, paid: 278 },
    buyer: { id: 'b-001', nick: '小王', memberLevel: 1 },
    receiver: { ...HANGZHOU_RECEIVER },
    lines: [{ sku: 'CHANDO-CREAM-50G', name: '面霜', qty: 2, price: 139, weightKg: 0.2 }],
    ...overrides,
  };
}
