import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../engine.ts';
import { tinyStrategy } from '../test-fixtures.ts';
import { copyNodes, pasteNodes } from './clipboard.ts';
import { createNode } from './node-factory.ts';
import { addNodes, connect, moveNodes, removeElements, renameNodeId, setContentAt } from './operations.ts';

describe('document operations', () => {
  it('adds a node with its kind defaults at a free id', () => {
    const doc = tinyStrategy();
    const node = createNode('condition', { x: 10.2, y: 5 }, new Set(['condition']));
    expect(node).toMatchObject({
      id: 'condition-2',
      kind: 'condition',
      kindVersion: 1,
      position: { x: 10, y: 5 },
    });
    expect(addNodes(doc, [node]).nodes).toHaveLength(4);
  });

  it('removes nodes with the edges that touch them', () => {
    const next = removeElements(tinyStrategy(), ['big']);
    expect(next.nodes.map((n) => n.id)).toEqual(['start', 'vip-tag']);
    expect(next.edges).toEqual([]);
  });

  it('connects a branch once, naming the edge after it', () => {
    const doc = removeElements(tinyStrategy(), [], ['e2']);
    const first = connect(doc, { source: 'big', target: 'vip-tag', sourceHandle: 'true' });
    expect(first.edgeId).toBe('e-big-true-vip-tag');
    expect(connect(first.doc, { source: 'big', target: 'vip-tag', sourceHandle: 'true' }).doc).toBe(
      first.doc,
    );
    expect(compileStrategy(first.doc).ok).toBe(true);
  });

  it('moves only the nodes that moved and shares the rest', () => {
    const doc = tinyStrategy();
    const next = moveNodes(doc, new Map([['big', { x: 9, y: 9 }]]));
    expect(next.nodes[0]).toBe(doc.nodes[0]);
    expect(next.nodes[1]!.position).toEqual({ x: 9, y: 9 });
  });

  it('sets a value deep in a node content', () => {
    const next = setContentAt(tinyStrategy(), 'big', ['when', 'all', 0, 'value'], 500);
    expect((next.nodes[1]!.content as { when: { all: { value: number }[] } }).when.all[0]!.value).toBe(500);
  });

  it('renames a node id and the edges that name it, refusing a taken id', () => {
    const next = renameNodeId(tinyStrategy(), 'big', 'rich')!;
    expect(next.edges.map((e) => [e.source, e.target])).toEqual([
      ['start', 'rich'],
      ['rich', 'vip-tag'],
    ]);
    expect(renameNodeId(tinyStrategy(), 'big', 'start')).toBeUndefined();
  });
});

describe('copy and paste', () => {
  it('pastes nodes with fresh ids, their inner edges, and never a second start', () => {
    const doc = tinyStrategy();
    const clip = copyNodes(doc, new Set(['start', 'big', 'vip-tag']));
    expect(clip.nodes.map((n) => n.id)).toEqual(['big', 'vip-tag']);
    const pasted = pasteNodes(doc, clip, { x: 40, y: 40 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['big-2', 'vip-tag-2']);
    expect(pasted.nodes[0]!.position).toEqual({ x: 290, y: 40 });
    expect(pasted.edges).toEqual([
      { id: 'e-big-2-true-vip-tag-2', source: 'big-2', target: 'vip-tag-2', sourceHandle: 'true' },
    ]);
  });
});
