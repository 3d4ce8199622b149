import { describe, expect, it } from 'vitest';
import { type CompiledStrategy, compileStrategy } from '../../compiler/index.ts';
import { ENGINE_NAMES } from '../../runtime/index.ts';
import { createPipeline } from '../../runtime/pipeline/pipeline.ts';
import { InMemoryState } from '../../state/index.ts';
import { testClient, testOrder } from './apply-event.test-helper.ts';

const compile = (id: string, family: string, nodes: object[], edges: object[]): CompiledStrategy => {
  const result = compileStrategy(
    { formatVersion: 1, id, clientId: 'c', family, name: id, hitPolicy: 'collect', nodes, edges },
    { client: testClient },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.compiled;
};
const start = { id: 'start', kind: 'start' };
const single = (id: string, family: string, node: object) =>
  compile(id, family, [start, { id: 'n', ...node }], [{ id: 'e1', source: 'start', target: 'n' }]);

// Tmall orders only (a path condition in rule JSON), then the rules the event evaluates in order.
const gifts = compile(
  'gifts',
  'gift',
  [
    start,
    {
      id: 'tmall',
      kind: 'condition',
      content: { when: { all: [{ fact: 'platform', operator: 'equal', value: 'tmall' }] } },
    },
    {
      id: 'promo',
      kind: 'giftRules',
      content: {
        rules: [
          { id: 'first', when: { firstOrder: true }, gift: { sku: 'G3' } },
          {
            id: 'd11',
            when: { spend: { bands: [{ min: 99, gift: { sku: 'G1', fallback: { sku: 'G2' } } }] } },
            caps: { total: 2 },
          },
        ],
      },
    },
  ],
  [
    { id: 'e1', source: 'start', target: 'tmall' },
    { id: 'e2', source: 'tmall', target: 'promo', sourceHandle: 'true' },
  ],
);
const substitution = single('subs', 'substitution', {
  kind: 'substitute',
  content: { substitutions: [{ id: 'a-to-b', from: 'A', to: 'B', when: { kind: 'outOfStock' } }] },
});
const split = single('split', 'split', { kind: 'split', content: {} });
const newBuyers = compile(
  'tags',
  'tag',
  [
    start,
    {
      id: 'new',
      kind: 'condition',
      content: { when: { all: [{ fact: 'buyerOrderCount', operator: 'equal', value: 0 }] } },
    },
    { id: 'tag', kind: 'action', content: { type: 'tag', params: { tag: 'new-buyer' } } },
  ],
  [
    { id: 'e1', source: 'start', target: 'new' },
    { id: 'e2', source: 'new', target: 'tag', sourceHandle: 'true' },
  ],
);

const orders = [
  testOrder({
    id: 'O-1',
    buyer: { id: 'u1' },
    amounts: { total: 100, paid: 100 },
    lines: [{ sku: 'A', qty: 1, price: 100 }],
  }),
  testOrder({
    id: 'O-2',
    buyer: { id: 'u1' },
    amounts: { total: 200, paid: 200 },
    lines: [{ sku: 'A', qty: 2, price: 100 }],
  }),
  testOrder({ id: 'O-3', platform: 'jd', buyer: { id: 'u2' } }),
  testOrder({
    id: 'O-4',
    buyer: { id: 'u2' },
    amounts: { total: 3100, paid: 3100 },
    lines: [
      { sku: 'A', qty: 1, price: 100 },
      { sku: 'SOFA', qty: 1, price: 3000 },
    ],
  }),
];

describe.each(ENGINE_NAMES)('gift → substitution → split pipeline (%s engine)', (engine) => {
  it('consumes caps and reads buyer history in processing order, each decision recording what it took', async () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { A: 1, G1: 50 }, 'WH-GZ': { A: 0 } } });
    const pipeline = createPipeline([newBuyers, split, substitution, gifts], {
      engine,
      client: testClient,
      state,
    });
    const decisions = [];
    for (const order of orders) decisions.push(await pipeline.decide(order));

    expect(decisions.map((d) => d.gifts.map((g) => `${g.sku}x${g.qty}@${g.nodeId}`))).toEqual([
      ['G3x1@promo', 'G1x1@promo'],
      ['G1x1@promo'],
      [],
      ['G2x1@promo'],
    ]);
    const cap = { kind: 'counter', key: 'gift:gifts:promo:d11:total', qty: 1 };
    expect(decisions.map((d) => d.consumed)).toEqual([[cap], [cap], [], []]);
    expect(state.counter('gift:gifts:promo:d11:total')).toBe(2);

    expect(decisions.map((d) => d.substitutions.map((s) => `${s.from}→${s.to}x${s.qty}`))).toEqual([
      [],
      ['A→Bx2'],
      ['A→Bx3'],
      [],
    ]);
    expect(decisions[3]?.parcels).toEqual([
      {
        warehouse: null,
        reason: 'bulky',
        lines: [
          { sku: 'SOFA', qty: 1 },
          { sku: 'G2', qty: 1 },
        ],
      },
      { warehouse: null, reason: 'regular', lines: [{ sku: 'A', qty: 1 }] },
    ]);
    expect(decisions.map((d) => d.tags)).toEqual([['new-buyer'], [], ['new-buyer'], []]);
    expect(decisions.every((d) => d.status === 'approved')).toBe(true);
  });

  it('holds an order without lines no_lines at substitution and split, and gives the gifts that count none', async () => {
    const pipeline = createPipeline([newBuyers, split, substitution, gifts], {
      engine,
      client: testClient,
      state: new InMemoryState({ stock: { 'WH-SH': { A: 0, G1: 50 } } }),
    });
    const decision = await pipeline.decide(testOrder({ id: 'O-5', buyer: { id: 'u5' }, lines: [] }));
    expect(decision.holds.map((h) => `${h.strategyId}: ${h.reason}`)).toEqual([
      'subs: no_lines',
      'split: no_lines',
    ]);
    expect(decision).toMatchObject({ status: 'held', substitutions: [], parcels: [], tags: ['new-buyer'] });
    expect(decision.gifts.map((g) => g.sku)).toEqual(['G3', 'G1']);
  });
});
