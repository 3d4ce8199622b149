import { describe, expect, it } from 'vitest';
import { createNode } from '../document/node-factory.ts';
import { addNodes, moveNodes, removeElements, setContentAt } from '../document/operations.ts';
import { tinyStrategy } from '../test-fixtures.ts';
import { diffGraph, diffStrategies, valueChanges } from './strategy-diff.ts';

describe('strategy diff', () => {
  it('finds added, removed, changed and moved nodes and edges', () => {
    const before = tinyStrategy();
    let after = removeElements(before, ['vip-tag']);
    after = addNodes(after, [createNode('tag', { x: 0, y: 300 }, new Set())]);
    after = setContentAt(after, 'big', ['when', 'all', 0, 'value'], 300);
    after = moveNodes(after, new Map([['start', { x: -50, y: 0 }]]));
    const diff = diffStrategies(before, after);
    const kinds = Object.fromEntries(diff.nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({ start: 'moved', big: 'changed', tag: 'added', 'vip-tag': 'removed' });
    expect(diff.nodes.find((n) => n.id === 'big')!.fields).toEqual(['content.when']);
    // Not only which field: the value it had and has.
    expect(diff.nodes.find((n) => n.id === 'big')!.values).toEqual([
      { path: 'content.when.all.0.value', before: '200', after: '300' },
    ]);
    expect(diff.edges.find((e) => e.id === 'e2')!.kind).toBe('removed');
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, changed: 1, moved: 1 });
  });

  it('draws removed nodes and edges beside the newer graph', () => {
    const before = tinyStrategy();
    const after = removeElements(before, ['vip-tag']);
    const drawn = diffGraph(after, diffStrategies(before, after));
    expect(drawn.graph.nodes.map((n) => n.id)).toContain('vip-tag');
    expect(drawn.nodeKinds.get('vip-tag')).toBe('removed');
    expect(drawn.edgeKinds.get('e2')).toBe('removed');
  });

  it('names each differing value down to the leaf, and what only one side has', () => {
    expect(
      valueChanges({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1] }, e: true }, 'content'),
    ).toEqual([
      { path: 'content.b.c', before: '"x"', after: '"y"' },
      { path: 'content.b.d.1', before: '2' },
      { path: 'content.e', after: 'true' },
    ]);
    expect(valueChanges([1], { 0: 1 }, 'content.x')).toEqual([
      { path: 'content.x', before: '[1]', after: '{"0":1}' },
    ]);
  });

  it('sees no change between a strategy and itself', () => {
    const doc = tinyStrategy();
    const diff = diffStrategies(doc, structuredClone(doc));
    expect(diff.counts.same).toBe(3);
    expect(diff.meta).toEqual([]);
  });
});
