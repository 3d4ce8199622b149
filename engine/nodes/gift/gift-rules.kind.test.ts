import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { testClient } from './apply-event.test-helper.ts';

const strategy = (rules: unknown[]) => ({
  formatVersion: 1,
  id: 'gifts',
  clientId: 'c',
  family: 'gift',
  name: 'Gifts',
  hitPolicy: 'collect',
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'promo', kind: 'giftRules', content: { rules } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'promo' }],
});
const compile = (rules: unknown[]) => compileStrategy(strategy(rules), { client: testClient });
const issuesOf = (rules: unknown[]) =>
  compile(rules).issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

describe('giftRules node kind', () => {
  it('compiles to one gift.rules event whose params are the rules, defaults filled', () => {
    const result = compile([{ id: 'r', gift: { sku: 'G1' }, caps: { total: 10 } }]);
    expect(result.ok && result.compiled.rules).toEqual([
      {
        name: 'promo',
        priority: 1,
        conditions: { all: [] },
        event: {
          type: 'gift.rules',
          params: {
            rules: [
              {
                id: 'r',
                name: '',
                when: { remarkKeywords: [], labels: [], shops: [], regions: [] },
                gift: { sku: 'G1', qty: 1 },
                caps: { total: 10 },
                exclusive: false,
              },
            ],
          },
        },
      },
    ]);
  });

  it('names the node and the field for SKUs and shops the client does not have', () => {
    expect(
      issuesOf([
        {
          id: 'r',
          when: {
            spend: { bands: [{ min: 99, gift: { sku: 'NOPE', fallback: { sku: 'G1' } } }] },
            buys: { none: ['A', 'GONE'] },
            shops: ['JD-9'],
          },
        },
      ]),
    ).toEqual([
      {
        code: 'unknown_reference',
        nodeId: 'promo',
        path: 'nodes[1].content.rules[0].when.spend.bands[0].gift.sku',
      },
      { code: 'unknown_reference', nodeId: 'promo', path: 'nodes[1].content.rules[0].when.buys.none[1]' },
      { code: 'unknown_reference', nodeId: 'promo', path: 'nodes[1].content.rules[0].when.shops[0]' },
    ]);
  });

  it('reports a rule without a gift, with two gift sources, repeated ids, bands and regions, and a reversed window', () => {
    const band = (min: number) => ({ min, gift: { sku: 'G1' } });
    expect(
      issuesOf([
        { id: 'none' },
        { id: 'both', gift: { sku: 'G1' }, when: { spend: { bands: [band(99)] } } },
        {
          id: 'none',
          gift: { sku: 'G1' },
          when: {
            regions: ['浙江', '火星'],
            window: { start: '2026-11-12T00:00:00+08:00', end: '2026-11-11T00:00:00+08:00' },
          },
        },
        { id: 'bands', when: { spend: { bands: [band(99), band(99)] } } },
      ]),
    ).toEqual([
      { code: 'content_invalid', nodeId: 'promo', path: 'nodes[1].content.rules[0].gift' },
      { code: 'content_invalid', nodeId: 'promo', path: 'nodes[1].content.rules[1].gift' },
      { code: 'unknown_region', nodeId: 'promo', path: 'nodes[1].content.rules[2].when.regions[1]' },
      { code: 'content_invalid', nodeId: 'promo', path: 'nodes[1].content.rules[2].when.window' },
      { code: 'content_invalid', nodeId: 'promo', path: 'nodes[1].content.rules[3].when.spend.bands[1].min' },
      { code: 'duplicate_id', nodeId: 'promo', path: 'nodes[1].content.rules[2].id' },
    ]);
  });

  it('reports a malformed rule through its schema, naming the field', () => {
    const result = compile([{ id: 'r', gift: { sku: 'G1', qty: 0 }, caps: { weekly: 3 } }]);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual([
      'nodes[1].content.rules[0].gift.qty',
      'nodes[1].content.rules[0].caps',
    ]);
  });
});
