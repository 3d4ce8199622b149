import { describe, expect, it } from 'vitest';
import type { Decision } from '../../decision/decision.ts';
import { RECEIVERS, regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import { stockedState } from '../../logistics/fixtures/stock.ts';
import { Shipment } from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { DecisionBuilder } from '../../runtime/pipeline/decision-builder.ts';
import { InMemoryState, type StrategyState } from '../../state/index.ts';
import { type RouteChain, RouteChainSchema } from './route-chain.schema.ts';
import { runRouteChain } from './run-route-chain.ts';

const NEAREST = { step: 'rank', by: 'nearest' } as const;
const chain = (input: object): RouteChain => RouteChainSchema.parse(input);
const to = (receiver: keyof typeof RECEIVERS, more: Record<string, unknown> = {}) =>
  regionalOrder({ receiver: RECEIVERS[receiver], ...more });

function route(
  params: Record<string, unknown>,
  order: StandardOrder,
  state: StrategyState = new InMemoryState(),
  before: (d: Decision) => void = () => {},
): Decision {
  const builder = new DecisionBuilder(order, regionalClient, state);
  before(builder.decision);
  builder.apply({ type: 'route', params }, { strategyId: 'routing', nodeId: 'chain' });
  return builder.finish();
}
const routeChain = (c: object, order: StandardOrder, state?: StrategyState, before?: (d: Decision) => void) =>
  route({ chain: chain(c) }, order, state, before);

describe('route chain: nearest', () => {
  it('prefers same province, then same macro-region, over the rest', () => {
    const steps = [NEAREST];
    expect(routeChain({ steps }, to('shenzhen')).warehouse).toBe('WH-GZ');
    expect(routeChain({ steps }, to('hangzhou')).warehouse).toBe('WH-SH');
    expect(routeChain({ steps }, to('changsha')).warehouse).toBe('WH-WH');
    expect(routeChain({ steps }, to('urumqi')).warehouse).toBe('WH-XA');
    expect(routeChain({ steps }, to('lhasa')).warehouse).toBe('WH-CD');
  });

  it('breaks ties by the listed priority, then by id', () => {
    // 海南 is 华南, like 广州; without 广州 every other warehouse is equally far from it.
    const candidates = ['WH-SH', 'WH-WH', 'WH-CD'];
    expect(routeChain({ candidates, steps: [NEAREST] }, to('haikou')).warehouse).toBe('WH-CD');
    const preferWuhan = { ...NEAREST, priority: ['WH-WH'] };
    expect(routeChain({ candidates, steps: [preferWuhan] }, to('haikou')).warehouse).toBe('WH-WH');
  });

  it('explains each step in the decision events', () => {
    // 广州 does not cover 海南; the rest are equally far, so the lowest id wins.
    const decision = routeChain({ steps: [{ step: 'area' }, NEAREST] }, to('haikou'));
    expect(decision.events.find((e) => e.type === 'route.explain')?.params).toMatchObject({
      nodeId: 'chain',
      outcome: { kind: 'placed', warehouse: 'WH-BJ', by: 'chain' },
      steps: [
        { step: 'candidates', left: ['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-CD', 'WH-WH', 'WH-XA'] },
        { step: 'area', left: ['WH-SH', 'WH-BJ', 'WH-CD', 'WH-WH', 'WH-XA'] },
        { step: 'rank', left: ['WH-BJ'] },
      ],
    });
  });
});

describe('route chain: binding and area', () => {
  const bound = { steps: [{ step: 'binding' }, NEAREST] };

  it("keeps a shop's own warehouse to its shop", () => {
    expect(routeChain(bound, to('beijing', { platform: 'jd', shop: 'jd-self' })).warehouse).toBe('WH-BJ');
    expect(routeChain(bound, to('beijing')).warehouse).not.toBe('WH-BJ');
    expect(routeChain({ steps: [NEAREST] }, to('beijing')).warehouse).toBe('WH-BJ');
  });

  it('limits a shop to the warehouses a node rule lists', () => {
    const live = {
      steps: [
        { step: 'binding', rules: [{ shops: ['douyin-live'], warehouses: ['WH-GZ', 'WH-WH'] }] },
        { ...NEAREST, priority: ['WH-WH'] },
      ],
    };
    const order = to('hangzhou', { platform: 'douyin', shop: 'douyin-live' });
    expect(routeChain(live, order).warehouse).toBe('WH-WH');
    expect(routeChain(live, to('hangzhou')).warehouse).toBe('WH-SH');
  });

  it("skips a warehouse whose coverage excludes the destination, and applies the node's own limits", () => {
    expect(routeChain({ steps: [NEAREST] }, to('haikou')).warehouse).toBe('WH-GZ');
    expect(routeChain({ steps: [{ step: 'area' }, NEAREST] }, to('haikou')).warehouse).not.toBe('WH-GZ');
    const noZhejiangFromShanghai = {
      steps: [
        { step: 'area', rules: [{ warehouses: ['WH-SH'], exclude: ['浙江'] }] },
        { ...NEAREST, priority: ['WH-WH'] },
      ],
    };
    expect(routeChain(noZhejiangFromShanghai, to('hangzhou')).warehouse).toBe('WH-WH');
    expect(routeChain(noZhejiangFromShanghai, to('shanghaiPudong')).warehouse).toBe('WH-SH');
  });

  it('sends the order to the default warehouse when a step leaves none, or holds it no_warehouse', () => {
    const southOnly = { candidates: ['WH-GZ'], steps: [{ step: 'area' }, NEAREST] };
    expect(routeChain({ ...southOnly, defaultWarehouse: 'WH-WH' }, to('haikou')).warehouse).toBe('WH-WH');
    const held = routeChain(southOnly, to('haikou'));
    expect(held.warehouse).toBeNull();
    expect(held.holds).toEqual([
      expect.objectContaining({
        reason: 'no_warehouse',
        nodeId: 'chain',
        message: expect.stringMatching(/area step/),
      }),
    ]);
  });
});

describe('route chain: stock', () => {
  const order = to('hangzhou', {
    lines: [
      { sku: 'LIP-01', qty: 2, price: 199 },
      { sku: 'CREAM-02', qty: 1, price: 399 },
    ],
  });
  const withStock = (onNoSingleFit: string) => ({ steps: [{ step: 'stock', onNoSingleFit }, NEAREST] });
  const scattered = () =>
    stockedState({ 'WH-SH': { 'LIP-01': 2 }, 'WH-WH': { 'CREAM-02': 3 }, 'WH-GZ': { 'LIP-01': 1 } });

  it("logs a list every order of a shop and place reaches as one frozen list, stock's narrowing as the order's own", () => {
    const c = chain({ steps: [{ step: 'area' }, { step: 'stock', onNoSingleFit: 'hold' }, NEAREST] });
    const lines = [{ sku: 'LIP-01', qty: 2 }];
    const run = (o: StandardOrder, state: StrategyState = new InMemoryState()) =>
      runRouteChain(c, {
        client: regionalClient,
        order: o,
        state,
        shipment: new Shipment(lines, o, regionalClient),
      }).log.map((s) => s.left);
    const first = run(order);
    const all = ['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-CD', 'WH-WH', 'WH-XA'];
    expect(first).toEqual([all, all, all, ['WH-SH']]);
    // Untracked stock fits everywhere: the stock step logs the area's shared list, not a copy.
    expect(run({ ...order, id: 'R-2' })[2]).toBe(first[2]);
    expect(Object.isFrozen(first[2])).toBe(true);
    const short = run(order, stockedState({ 'WH-SH': { 'LIP-01': 2 }, 'WH-WH': { 'LIP-01': 5 } }));
    expect(short[2]).toEqual(['WH-SH', 'WH-WH']);
    expect(Object.isFrozen(short[2])).toBe(false);
  });

  it('routes to the nearest warehouse that holds every line and records what it took', () => {
    const state = stockedState({
      'WH-SH': { 'LIP-01': 1, 'CREAM-02': 5 },
      'WH-WH': { 'LIP-01': 9, 'CREAM-02': 9 },
    });
    const decision = routeChain(withStock('hold'), order, state);
    expect(decision.warehouse).toBe('WH-WH');
    expect(decision.consumed).toEqual([
      { kind: 'stock', warehouse: 'WH-WH', sku: 'LIP-01', qty: 2 },
      { kind: 'stock', warehouse: 'WH-WH', sku: 'CREAM-02', qty: 1 },
    ]);
    expect(state.stock('WH-WH', 'LIP-01')).toBe(7);
  });

  it('splits across warehouses, fewest parcels and nearest first, reserving each parcel', () => {
    const state = scattered();
    const decision = routeChain(withStock('split'), order, state);
    expect(decision.status).toBe('approved');
    expect(decision.warehouse).toBeNull();
    expect(decision.parcels).toEqual([
      { warehouse: 'WH-SH', lines: [{ sku: 'LIP-01', qty: 2 }], reason: 'stock_split' },
      { warehouse: 'WH-WH', lines: [{ sku: 'CREAM-02', qty: 1 }], reason: 'stock_split' },
    ]);
    expect(decision.consumed).toEqual([
      { kind: 'stock', warehouse: 'WH-SH', sku: 'LIP-01', qty: 2 },
      { kind: 'stock', warehouse: 'WH-WH', sku: 'CREAM-02', qty: 1 },
    ]);
    expect([state.stock('WH-SH', 'LIP-01'), state.stock('WH-WH', 'CREAM-02')]).toEqual([0, 2]);
  });

  it('holds stock_short naming the SKU when the strategy says hold, taking nothing', () => {
    const state = stockedState({ 'WH-SH': { 'LIP-01': 1, 'CREAM-02': 1 } });
    const decision = routeChain(withStock('hold'), order, state);
    expect(decision.holds).toEqual([
      expect.objectContaining({
        reason: 'stock_short',
        message: expect.stringMatching(/LIP-01 \(needs 2, 1 at most/),
      }),
    ]);
    expect(decision.consumed).toEqual([]);
    expect(state.stock('WH-SH', 'LIP-01')).toBe(1);
  });

  it('holds stock_short when even a split cannot cover the order', () => {
    const decision = routeChain(
      withStock('split'),
      to('hangzhou', { lines: [{ sku: 'LIP-01', qty: 4, price: 1 }] }),
      scattered(),
    );
    expect(decision.parcels).toEqual([]);
    expect(decision.holds[0]).toMatchObject({
      reason: 'stock_short',
      message: expect.stringMatching(/LIP-01 \(needs 4, 3 placeable\)/),
    });
  });

  it('ignores stock when told to, taking what is there', () => {
    const state = stockedState({ 'WH-SH': { 'LIP-01': 1 } });
    const decision = routeChain(withStock('ignore'), order, state);
    expect(decision.warehouse).toBe('WH-SH');
    expect(decision.consumed).toEqual([{ kind: 'stock', warehouse: 'WH-SH', sku: 'LIP-01', qty: 1 }]);
  });

  it('routes each parcel an earlier split made, splitting a parcel again when it must', () => {
    const state = scattered();
    const decision = routeChain(withStock('split'), order, state, (d) => {
      d.parcels = [
        { warehouse: null, lines: [{ sku: 'CREAM-02', qty: 1 }], reason: 'bulky' },
        { warehouse: null, lines: [{ sku: 'LIP-01', qty: 3 }], reason: 'presale' },
      ];
    });
    expect(decision.parcels).toEqual([
      { warehouse: 'WH-WH', lines: [{ sku: 'CREAM-02', qty: 1 }], reason: 'bulky' },
      { warehouse: 'WH-SH', lines: [{ sku: 'LIP-01', qty: 2 }], reason: 'presale+stock_split' },
      { warehouse: 'WH-GZ', lines: [{ sku: 'LIP-01', qty: 1 }], reason: 'presale+stock_split' },
    ]);
    expect(decision.warehouse).toBeNull();
  });
});

describe('route chain: cheapest and priority', () => {
  it('ranks by handling cost plus the cheapest freight a carrier charges', () => {
    const cheapest = { candidates: ['WH-SH', 'WH-GZ', 'WH-CD'], steps: [{ step: 'rank', by: 'cheapest' }] };
    expect(routeChain(cheapest, to('hangzhou')).warehouse).toBe('WH-CD');
  });

  it('ranks a warehouse no allowed carrier can price last', () => {
    // YUNDA has no rate to 北京; every warehouse is unpriced, so the listed priority decides.
    const yunda = { steps: [{ step: 'rank', by: 'cheapest', carrier: 'YUNDA', priority: ['WH-XA'] }] };
    expect(routeChain(yunda, to('beijing')).warehouse).toBe('WH-XA');
  });

  it('takes the listed order for priority, whatever the distance', () => {
    const fixed = { steps: [{ step: 'rank', by: 'priority', priority: ['WH-XA', 'WH-SH'] }] };
    expect(routeChain(fixed, to('shanghaiPudong')).warehouse).toBe('WH-XA');
  });
});

describe('route: fixed warehouse', () => {
  it('places the order and takes its stock', () => {
    const state = stockedState({ 'WH-GZ': { 'LIP-01': 3 } });
    const decision = route({ warehouse: 'WH-GZ' }, to('hangzhou'), state);
    expect(decision.warehouse).toBe('WH-GZ');
    expect(decision.consumed).toEqual([{ kind: 'stock', warehouse: 'WH-GZ', sku: 'LIP-01', qty: 1 }]);
  });

  it('places the parcels a split left open', () => {
    const decision = route({ warehouse: 'WH-GZ' }, to('hangzhou'), undefined, (d) => {
      d.parcels = [{ warehouse: null, lines: [{ sku: 'LIP-01', qty: 1 }], reason: 'bulky' }];
    });
    expect(decision.parcels[0]?.warehouse).toBe('WH-GZ');
    expect(decision.warehouse).toBe('WH-GZ');
  });

  it('leaves a placed order alone, so its stock is taken once', () => {
    const state = stockedState({ 'WH-SH': { 'LIP-01': 5 }, 'WH-GZ': { 'LIP-01': 5 } });
    const builder = new DecisionBuilder(to('hangzhou'), regionalClient, state);
    const origin = { strategyId: 'routing', nodeId: 'x' };
    builder.apply({ type: 'route', params: { warehouse: 'WH-SH' } }, origin);
    builder.apply({ type: 'route', params: { chain: chain({ steps: [NEAREST] }) } }, origin);
    builder.apply({ type: 'route', params: { warehouse: 'WH-GZ' } }, origin);
    expect(builder.finish()).toMatchObject({
      warehouse: 'WH-SH',
      consumed: [{ warehouse: 'WH-SH', qty: 1 }],
    });
    expect(state.stock('WH-GZ', 'LIP-01')).toBe(5);
  });
});

describe('route: an order without lines (an order-level export)', () => {
  const noLines = () => to('hangzhou', { lines: [] });

  it('is held no_lines at the stock step, naming it, rather than fitting anywhere', () => {
    const decision = routeChain({ steps: [{ step: 'area' }, { step: 'stock' }, NEAREST] }, noLines());
    expect(decision.warehouse).toBeNull();
    expect(decision.holds).toEqual([
      {
        reason: 'no_lines',
        message:
          "the stock step needs the order's lines, and the order has none (its source gave no line detail)",
        strategyId: 'routing',
        nodeId: 'chain',
      },
    ]);
    expect(decision.events.find((e) => e.type === 'route.explain')?.params).toMatchObject({
      outcome: { kind: 'hold', reason: 'no_lines' },
      steps: [{ step: 'candidates' }, { step: 'area' }, { step: 'stock', left: [] }],
    });
  });

  it('is routed by a chain without a stock step, or to a fixed warehouse: neither reads lines', () => {
    expect(routeChain({ steps: [{ step: 'area' }, NEAREST] }, noLines())).toMatchObject({
      warehouse: 'WH-SH',
      holds: [],
    });
    expect(route({ warehouse: 'WH-GZ' }, noLines())).toMatchObject({ warehouse: 'WH-GZ', consumed: [] });
  });
});

describe('route chain: one prepared chain over many orders', () => {
  // The pipeline hands the same chain object to every order, so binding and area results are
  // remembered per chain; each order must still get what a chain met for the first time gives.
  const steps = [
    { step: 'binding', rules: [{ shops: ['jd-self'], warehouses: ['WH-BJ', 'WH-SH'] }] },
    { step: 'area' },
    { step: 'stock', onNoSingleFit: 'ignore' },
    { step: 'rank', by: 'cheapest' },
  ];
  const orders = [
    to('beijing', { platform: 'jd', shop: 'jd-self' }),
    to('shenzhen'),
    to('haikou'),
    to('beijing'),
    to('shenzhen', { platform: 'jd', shop: 'jd-self' }),
    to('urumqi'),
    to('lhasa', { platform: 'jd', shop: 'jd-self' }),
    to('haikou'),
    to('hangzhou'),
  ];

  it('explains and places each order as a fresh chain does, in any order', () => {
    const shared = chain({ steps });
    const events = (d: Decision) => JSON.stringify([d.warehouse, d.events, d.holds]);
    for (const order of [...orders, ...orders.slice().reverse()]) {
      const fresh = route({ chain: chain({ steps }) }, order);
      expect(events(route({ chain: shared }, order))).toBe(events(fresh));
    }
  });
});
