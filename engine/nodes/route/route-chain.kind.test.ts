import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { regionalClient } from '../../logistics/fixtures/regional-client.ts';
import { routeChainKind } from './route-chain.kind.ts';

const strategyWith = (content: unknown, kind = 'routeChain') => ({
  formatVersion: 1,
  id: 'routing',
  clientId: 'regional',
  family: 'routing',
  name: 'routing',
  hitPolicy: 'first',
  nodes: [
    { id: 'start', kind: 'start', content: {} },
    { id: 'chain', kind, content },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'chain' }],
});

const issuesOf = (content: unknown, kind?: string) =>
  compileStrategy(strategyWith(content, kind), { client: regionalClient }).issues.map(
    ({ code, severity, nodeId, path }) => ({ code, severity, nodeId, path }),
  );

describe('routeChain kind', () => {
  it('compiles its defaults to one route rule carrying the chain', () => {
    const result = compileStrategy(strategyWith(routeChainKind.defaults()), { client: regionalClient });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.compiled.rules).toEqual([
      expect.objectContaining({
        name: 'chain',
        event: { type: 'route', params: { chain: routeChainKind.schema.parse(routeChainKind.defaults()) } },
      }),
    ]);
  });

  it('names the node and field of each warehouse, shop or carrier the client does not have', () => {
    const issues = issuesOf({
      candidates: ['WH-SH', 'WH-MARS'],
      steps: [
        { step: 'binding', rules: [{ shops: ['pdd-shop'], warehouses: ['WH-GZ'] }] },
        { step: 'rank', by: 'cheapest', carrier: 'DHL', priority: ['WH-NOPE'] },
      ],
      defaultWarehouse: 'WH-TJ',
    });
    expect(issues).toEqual(
      [
        'candidates[1]',
        'steps[0].rules[0].shops[0]',
        'steps[1].priority[0]',
        'steps[1].carrier',
        'defaultWarehouse',
      ].map((at) => ({
        code: 'unknown_reference',
        severity: 'error',
        nodeId: 'chain',
        path: `nodes[1].content.${at}`,
      })),
    );
  });

  it('says what the client lacks in the message', () => {
    const [issue] = compileStrategy(strategyWith({ steps: [{ step: 'rank' }], defaultWarehouse: 'WH-TJ' }), {
      client: regionalClient,
    }).issues;
    expect(issue?.message).toMatch(/client "regional" has no warehouse "WH-TJ"/);
  });

  it('rejects an empty chain, a chain without a final rank, and a filter after the stock step', () => {
    expect(issuesOf({ steps: [] })).toEqual([
      { code: 'content_invalid', severity: 'error', nodeId: 'chain', path: 'nodes[1].content.steps' },
    ]);
    expect(issuesOf({ steps: [{ step: 'rank' }, { step: 'area' }] }).map((i) => i.path)).toEqual([
      'nodes[1].content.steps[1]',
      'nodes[1].content.steps[0]',
    ]);
    expect(
      issuesOf({ steps: [{ step: 'stock' }, { step: 'area' }, { step: 'rank' }] }).map((i) => i.path),
    ).toEqual(['nodes[1].content.steps[1]']);
  });

  it('reports a region no division is called', () => {
    expect(
      issuesOf({ steps: [{ step: 'area', rules: [{ exclude: ['浙江', '火星'] }] }, { step: 'rank' }] }),
    ).toEqual([
      {
        code: 'unknown_region',
        severity: 'error',
        nodeId: 'chain',
        path: 'nodes[1].content.steps[0].rules[0].exclude[1]',
      },
    ]);
  });

  it('rejects an unknown rank mode or step through the schema', () => {
    expect(issuesOf({ steps: [{ step: 'rank', by: 'fastest' }] })[0]).toMatchObject({
      code: 'content_invalid',
      path: 'nodes[1].content.steps[0].by',
    });
  });

  it('checks a route action: a fixed warehouse or a chain, never neither', () => {
    const action = (params: unknown) => issuesOf({ type: 'route', params }, 'action');
    expect(action({ warehouse: 'WH-SH' })).toEqual([]);
    expect(action({ warehouse: 'WH-TJ' })[0]?.path).toBe('nodes[1].content.params.warehouse');
    expect(action({ chain: { steps: [{ step: 'rank' }], defaultWarehouse: 'WH-TJ' } })[0]?.path).toBe(
      'nodes[1].content.params.chain.defaultWarehouse',
    );
    expect(action({})[0]?.path).toBe('nodes[1].content.params.warehouse');
  });
});
