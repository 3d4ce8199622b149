import { describe, expect, it } from 'vitest';
import { demoStrategy, tinyStrategy } from '../test-fixtures.ts';
import {
  changesToPatch,
  connectionToEdge,
  fromFlowEdges,
  fromFlowNodes,
  toFlowEdges,
  toFlowNodes,
} from './flow-conversion.ts';
import { type FlowView, UNKNOWN_NODE_TYPE } from './flow-types.ts';

const view = (over: Partial<FlowView> = {}): FlowView => ({
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  sizes: new Map(),
  ...over,
});

describe('domain graph ↔ React Flow', () => {
  it('round-trips every demo strategy without losing a field', () => {
    for (const name of ['approval', 'carrier', 'remark', 'routing', 'tags']) {
      const doc = demoStrategy(name);
      const nodes = toFlowNodes(doc.nodes, view());
      const edges = toFlowEdges(doc.edges, view());
      expect(fromFlowNodes(nodes, doc.nodes)).toEqual(doc.nodes);
      expect(fromFlowEdges(edges)).toEqual(
        doc.edges.map(({ sourceHandle, ...rest }) => (sourceHandle ? { ...rest, sourceHandle } : rest)),
      );
    }
  });

  it('carries ids only, types nodes by kind, and falls back for unknown kinds', () => {
    const doc = tinyStrategy();
    doc.nodes.push({ ...doc.nodes[1]!, id: 'future', kind: 'fromTheFuture' });
    const nodes = toFlowNodes(doc.nodes, view({ selectedNodes: new Set(['big']) }));
    expect(nodes[1]).toMatchObject({ id: 'big', type: 'condition', data: { nodeId: 'big' }, selected: true });
    expect(nodes[3]!.type).toBe(UNKNOWN_NODE_TYPE);
    expect(Object.keys(nodes[1]!.data)).toEqual(['nodeId']);
  });

  it('keeps the object of an unchanged node so React Flow skips it', () => {
    const doc = tinyStrategy();
    const first = toFlowNodes(doc.nodes, view());
    const previous = new Map(first.map((n) => [n.id, n]));
    const moved = doc.nodes.map((n) => (n.id === 'big' ? { ...n, position: { x: 1, y: 2 } } : n));
    const second = toFlowNodes(moved, view(), previous);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.position).toEqual({ x: 1, y: 2 });
  });

  it('passes measured sizes back so nodes stay visible after a change', () => {
    const doc = tinyStrategy();
    const nodes = toFlowNodes(doc.nodes, view({ sizes: new Map([['big', { width: 200, height: 80 }]]) }));
    expect(nodes[1]!.measured).toEqual({ width: 200, height: 80 });
  });

  it('turns a drawn connection into an edge request, refusing loops onto itself', () => {
    expect(
      connectionToEdge({ source: 'big', target: 'vip-tag', sourceHandle: 'true', targetHandle: null }),
    ).toEqual({
      source: 'big',
      target: 'vip-tag',
      sourceHandle: 'true',
    });
    expect(
      connectionToEdge({ source: 'a', target: 'a', sourceHandle: null, targetHandle: null }),
    ).toBeUndefined();
  });

  it('sorts React Flow changes into moves, removals, selection and sizes', () => {
    const patch = changesToPatch(
      [
        { type: 'position', id: 'big', position: { x: 10.4, y: 20.6 }, dragging: true },
        { type: 'remove', id: 'vip-tag' },
        { type: 'select', id: 'start', selected: true },
        { type: 'dimensions', id: 'big', dimensions: { width: 100, height: 50 } },
      ],
      [{ type: 'remove', id: 'e1' }],
    );
    expect(patch.moves.get('big')).toEqual({ x: 10, y: 21 });
    expect(patch.dragging).toBe(true);
    expect(patch.removeNodes).toEqual(['vip-tag']);
    expect(patch.removeEdges).toEqual(['e1']);
    expect(patch.select.get('start')).toBe(true);
    expect(patch.sizes.get('big')).toEqual({ width: 100, height: 50 });
  });
});
