import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { testClient } from '../gift/apply-event.test-helper.ts';

const compile = (substitutions: unknown[]) =>
  compileStrategy(
    {
      formatVersion: 1,
      id: 'subs',
      clientId: 'c',
      family: 'substitution',
      name: 'Substitutions',
      hitPolicy: 'collect',
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'swap', kind: 'substitute', content: { substitutions } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'swap' }],
    },
    { client: testClient },
  );

describe('substitute node kind', () => {
  it('compiles to one substitute event with the ratio defaulted', () => {
    const result = compile([{ id: 's', from: 'A', to: 'B', when: { kind: 'outOfStock' } }]);
    expect(result.ok && result.compiled.rules.map((r) => r.event)).toEqual([
      {
        type: 'substitute',
        params: { substitutions: [{ id: 's', from: 'A', to: 'B', ratio: 1, when: { kind: 'outOfStock' } }] },
      },
    ]);
  });

  it('reports unknown SKUs, a SKU replaced by itself, repeated ids and a reversed window, naming the node', () => {
    const result = compile([
      { id: 's', from: 'A', to: 'NOPE', when: { kind: 'outOfStock' } },
      {
        id: 's',
        from: 'B',
        to: 'B',
        when: { kind: 'window', start: '2026-11-12T00:00:00+08:00', end: '2026-11-11T00:00:00+08:00' },
      },
    ]);
    expect(result.issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }))).toEqual([
      { code: 'duplicate_id', nodeId: 'swap', path: 'nodes[1].content.substitutions[1].id' },
      { code: 'content_invalid', nodeId: 'swap', path: 'nodes[1].content.substitutions[1].to' },
      { code: 'content_invalid', nodeId: 'swap', path: 'nodes[1].content.substitutions[1].when' },
      { code: 'unknown_reference', nodeId: 'swap', path: 'nodes[1].content.substitutions[0].to' },
    ]);
  });

  it('rejects a trigger it does not know, naming the field', () => {
    const result = compile([{ id: 's', from: 'A', to: 'B', when: { kind: 'weekday' } }]);
    expect(result.issues.map((i) => i.path)).toEqual(['nodes[1].content.substitutions[0].when.kind']);
  });
});
