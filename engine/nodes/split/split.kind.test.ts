import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { testClient } from '../gift/apply-event.test-helper.ts';

const compile = (content: unknown) =>
  compileStrategy(
    {
      formatVersion: 1,
      id: 'split',
      clientId: 'c',
      family: 'split',
      name: 'Split',
      hitPolicy: 'collect',
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'parcels', kind: 'split', content },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'parcels' }],
    },
    { client: testClient },
  );

describe('split node kind', () => {
  it('compiles to one split event with every setting filled', () => {
    const result = compile({ maxParcelWeightG: 5000 });
    expect(result.ok && result.compiled.rules.map((r) => r.event)).toEqual([
      {
        type: 'split',
        params: {
          bulky: { fromCatalogue: true, skus: [] },
          accessories: { skus: [], categories: [] },
          presale: true,
          maxParcelWeightG: 5000,
        },
      },
    ]);
  });

  it('reports SKUs the client does not have, naming the node and field', () => {
    const result = compile({ bulky: { skus: ['SOFA', 'BED'] }, accessories: { skus: ['SCREWS'] } });
    expect(result.issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }))).toEqual([
      { code: 'unknown_reference', nodeId: 'parcels', path: 'nodes[1].content.bulky.skus[1]' },
      { code: 'unknown_reference', nodeId: 'parcels', path: 'nodes[1].content.accessories.skus[0]' },
    ]);
  });

  it('warns when nothing is chosen to split by', () => {
    const result = compile({ bulky: { fromCatalogue: false }, presale: false });
    expect(result.ok).toBe(true);
    expect(result.issues.map(({ code, severity }) => ({ code, severity }))).toEqual([
      { code: 'content_invalid', severity: 'warning' },
    ]);
  });
});
