import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { regionalClient } from '../../logistics/fixtures/regional-client.ts';
import { carrierChainKind } from './carrier-chain.kind.ts';

const strategyWith = (content: unknown) => ({
  formatVersion: 1,
  id: 'carrier',
  clientId: 'regional',
  family: 'carrier',
  name: 'carrier',
  hitPolicy: 'first',
  nodes: [
    { id: 'start', kind: 'start', content: {} },
    { id: 'chain', kind: 'carrierChain', content },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'chain' }],
});

const issuesOf = (content: unknown) =>
  compileStrategy(strategyWith(content), { client: regionalClient }).issues.map(
    ({ code, severity, nodeId, path }) => ({
      code,
      severity,
      nodeId,
      path: path.replace('nodes[1].content.', ''),
    }),
  );

describe('carrierChain kind', () => {
  it('compiles to one carrier rule carrying the chain', () => {
    const content = { area: [{ regions: ['新疆'], carrier: 'EMS' }] };
    const result = compileStrategy(strategyWith(content), { client: regionalClient });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.compiled.rules).toEqual([
      expect.objectContaining({
        event: { type: 'carrier', params: { chain: carrierChainKind.schema.parse(content) } },
      }),
    ]);
  });

  it('names the node and field of each carrier, shop, SKU or warehouse the client does not have', () => {
    const issues = issuesOf({
      platform: [{ platform: 'jd', types: ['cod'], carrier: 'JDL' }],
      remark: { allowed: ['SF', 'DHL'] },
      sku: [{ skus: ['NOPE-1'], carrier: 'SF' }],
      shop: [{ shops: ['pdd-shop'], carrier: 'YTO' }],
      warehouse: [{ warehouse: 'WH-TJ', carrier: 'ZTO' }],
    });
    expect(issues).toEqual(
      [
        'platform[0].carrier',
        'remark.allowed[1]',
        'sku[0].skus[0]',
        'shop[0].shops[0]',
        'warehouse[0].warehouse',
      ].map((path) => ({ code: 'unknown_reference', severity: 'error', nodeId: 'chain', path })),
    );
  });

  it('rejects an inverted weight band and an unknown region', () => {
    expect(
      issuesOf({
        weight: [{ minKg: 5, maxKg: 2, carrier: 'SF' }],
        area: [{ regions: ['火星'], carrier: 'EMS' }],
      }),
    ).toEqual([
      { code: 'content_invalid', severity: 'error', nodeId: 'chain', path: 'weight[0].maxKg' },
      { code: 'unknown_region', severity: 'error', nodeId: 'chain', path: 'area[0].regions[0]' },
    ]);
  });

  it('rejects a chain that can only hold, and warns about what cheapest mode ignores or a rule forcing every order', () => {
    expect(issuesOf({ remark: { enabled: false } })).toEqual([
      { code: 'content_invalid', severity: 'error', nodeId: 'chain', path: 'mode' },
    ]);
    expect(
      issuesOf({
        mode: 'cheapest',
        platform: [{ carrier: 'SF' }],
        shop: [{ shops: ['jd-self'], carrier: 'JD' }],
      }),
    ).toEqual([
      { code: 'content_invalid', severity: 'warning', nodeId: 'chain', path: 'platform[0]' },
      { code: 'content_invalid', severity: 'warning', nodeId: 'chain', path: 'shop' },
    ]);
  });

  it('checks a carrier action: a fixed carrier the client has', () => {
    const action = (params: unknown) =>
      compileStrategy(
        {
          ...strategyWith({}),
          nodes: [
            { id: 'start', kind: 'start', content: {} },
            { id: 'act', kind: 'action', content: { type: 'carrier', params } },
          ],
          edges: [{ id: 'e1', source: 'start', target: 'act' }],
        },
        { client: regionalClient },
      ).issues.map((i) => [i.path, i.message]);
    expect(action({ carrier: 'SF' })).toEqual([]);
    expect(action({ carrier: 'DHL' })).toEqual([
      ['nodes[1].content.params.carrier', expect.stringMatching(/has no carrier "DHL"/)],
    ]);
    expect(action({})).toEqual([['nodes[1].content.params.carrier', 'carrier: carrier is required']]);
  });
});
