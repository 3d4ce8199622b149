import { describe, expect, it } from 'vitest';
import { type CompiledStrategy, compileStrategy } from '../../compiler/index.ts';
import { RECEIVERS, regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import { stockedState } from '../../logistics/fixtures/stock.ts';
import { ENGINE_NAMES } from '../../runtime/index.ts';
import { createPipeline } from '../../runtime/pipeline/pipeline.ts';

const compile = (id: string, family: string, nodes: object[]): CompiledStrategy => {
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    source: i === 0 ? 'start' : (nodes[i] as { id: string }).id,
    target: (n as { id: string }).id,
    ...(i === 0 ? {} : { sourceHandle: 'true' }),
  }));
  const doc = {
    formatVersion: 1,
    id,
    clientId: 'regional',
    family,
    name: id,
    hitPolicy: 'first',
    nodes,
    edges,
  };
  const result = compileStrategy(doc, { client: regionalClient });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.compiled;
};
const start = { id: 'start', kind: 'start', content: {} };

// Remark parsing stands in for the remark stage: "发顺丰" in the buyer message asks for SF.
const remark = compile('remark', 'remark', [
  start,
  {
    id: 'asks-sf',
    kind: 'condition',
    content: { when: { all: [{ fact: 'buyerMessage', operator: 'containsAny', value: ['发顺丰'] }] } },
  },
  { id: 'sf', kind: 'action', content: { type: 'extract', params: { key: 'carrierRequest', value: 'SF' } } },
]);
const routing = compile('routing', 'routing', [
  start,
  {
    id: 'chain',
    kind: 'routeChain',
    content: {
      steps: [
        { step: 'binding' },
        { step: 'area' },
        { step: 'stock', onNoSingleFit: 'split' },
        { step: 'rank' },
      ],
    },
  },
]);
const carrier = compile('carrier', 'carrier', [
  start,
  {
    id: 'chain',
    kind: 'carrierChain',
    content: {
      platform: [{ platform: 'jd', types: ['cod'], carrier: 'JD' }],
      remark: { allowed: ['SF', 'EMS'] },
      area: [{ regions: ['新疆', '西藏', '青海'], carrier: 'EMS' }],
      warehouse: ['WH-SH', 'WH-GZ', 'WH-WH', 'WH-CD', 'WH-BJ', 'WH-XA'].map((warehouse) => ({
        warehouse,
        carrier: 'ZTO',
      })),
    },
  },
]);

describe.each(ENGINE_NAMES)('routing and carrier chains in the pipeline (%s engine)', (engine) => {
  const pipeline = (levels: Record<string, Record<string, number>>) =>
    createPipeline([carrier, routing, remark], {
      engine,
      client: regionalClient,
      state: stockedState(levels),
    });

  it('routes to the nearest warehouse with stock and takes the warehouse default carrier', async () => {
    const p = pipeline({ 'WH-SH': { 'LIP-01': 5 }, 'WH-WH': { 'LIP-01': 5 } });
    const decision = await p.decide(regionalOrder());
    expect(decision).toMatchObject({ status: 'approved', warehouse: 'WH-SH', carrier: 'ZTO', holds: [] });
    expect(decision.consumed).toEqual([{ kind: 'stock', warehouse: 'WH-SH', sku: 'LIP-01', qty: 1 }]);
  });

  it('consumes stock in processing order: the next order goes elsewhere once a warehouse runs out', async () => {
    const p = pipeline({ 'WH-SH': { 'LIP-01': 1 }, 'WH-WH': { 'LIP-01': 5 } });
    const first = await p.decide(regionalOrder({ id: 'R-1' }));
    const second = await p.decide(regionalOrder({ id: 'R-2' }));
    expect([first.warehouse, second.warehouse]).toEqual(['WH-SH', 'WH-WH']);
    expect(p.state.snapshot().stock['WH-WH']?.['LIP-01']).toBe(4);
  });

  it('splits an order no single warehouse can ship into placed parcels, and still finds a carrier', async () => {
    const p = pipeline({ 'WH-SH': { 'LIP-01': 1 }, 'WH-GZ': { 'CREAM-02': 1 } });
    const decision = await p.decide(
      regionalOrder({
        lines: [
          { sku: 'LIP-01', qty: 1, price: 199 },
          { sku: 'CREAM-02', qty: 1, price: 399 },
        ],
      }),
    );
    expect(decision.status).toBe('approved');
    expect(decision.parcels.map((parcel) => parcel.warehouse)).toEqual(['WH-SH', 'WH-GZ']);
    expect(decision.carrier).toBe('ZTO');
  });

  it('holds an order that not even a split can ship, with the short SKU named', async () => {
    const decision = await pipeline({}).decide(regionalOrder());
    expect(decision.status).toBe('held');
    expect(decision.holds.map((h) => h.reason)).toContain('stock_short');
    expect(decision.holds.find((h) => h.reason === 'stock_short')?.message).toMatch(/LIP-01/);
  });

  it('reads the carrier the remark stage extracted, unless the platform forces another', async () => {
    const p = pipeline({ 'WH-SH': { 'LIP-01': 9 }, 'WH-BJ': { 'LIP-01': 9 } });
    const asked = await p.decide(regionalOrder({ buyerMessage: '请发顺丰，谢谢' }));
    expect(asked).toMatchObject({ carrier: 'SF', extracted: { carrierRequest: 'SF' } });
    const jdCod = await p.decide(
      regionalOrder({
        platform: 'jd',
        shop: 'jd-self',
        type: 'cod',
        receiver: RECEIVERS.beijing,
        buyerMessage: '发顺丰',
      }),
    );
    expect(jdCod).toMatchObject({ warehouse: 'WH-BJ', carrier: 'JD', status: 'approved' });
  });

  it('holds an order without lines no_lines at routing, once, and still finds a carrier by area', async () => {
    const p = pipeline({ 'WH-XA': { 'LIP-01': 9 } });
    const decision = await p.decide(regionalOrder({ receiver: RECEIVERS.urumqi, lines: [] }));
    expect(decision).toMatchObject({ status: 'held', warehouse: null, carrier: 'EMS', consumed: [] });
    // The pipeline's own no_warehouse would only repeat why routing placed nothing.
    expect(decision.holds.map((h) => `${h.strategyId}/${h.nodeId}: ${h.reason}`)).toEqual([
      'routing/chain: no_lines',
    ]);
  });

  it('ships to a remote province from the nearest warehouse with EMS', async () => {
    const p = pipeline({ 'WH-XA': { 'LIP-01': 9 }, 'WH-CD': { 'LIP-01': 9 } });
    const urumqi = await p.decide(regionalOrder({ receiver: RECEIVERS.urumqi }));
    const lhasa = await p.decide(regionalOrder({ receiver: RECEIVERS.lhasa }));
    expect([urumqi.warehouse, urumqi.carrier, lhasa.warehouse, lhasa.carrier]).toEqual([
      'WH-XA',
      'EMS',
      'WH-CD',
      'EMS',
    ]);
  });
});
