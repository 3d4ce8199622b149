import { describe, expect, it } from 'vitest';
import { tinyStrategy } from '../test-fixtures.ts';
import { edgeIndex, nodeIndex, outgoingHandles } from './graph-indexes.ts';

describe('graph indexes', () => {
  it('finds nodes, edges and the branches in use, once per list', () => {
    const doc = tinyStrategy();
    expect(nodeIndex(doc.nodes).get('big')?.kind).toBe('condition');
    expect(nodeIndex(doc.nodes)).toBe(nodeIndex(doc.nodes));
    expect(edgeIndex(doc.edges).get('e2')?.target).toBe('vip-tag');
    expect(outgoingHandles(doc.edges).get('big')).toEqual(['true']);
    expect(outgoingHandles(doc.edges).get('start')).toBeUndefined();
  });
});
