import { describe, expect, it } from 'vitest';
import { demoStrategy, tinyStrategy } from '../test-fixtures.ts';
import { autoLayout } from './auto-layout.ts';

describe('auto layout', () => {
  it('lays a strategy out left to right from start', () => {
    const doc = tinyStrategy();
    const at = autoLayout(doc.nodes, doc.edges);
    expect(at.get('start')!.x).toBeLessThan(at.get('big')!.x);
    expect(at.get('big')!.x).toBeLessThan(at.get('vip-tag')!.x);
  });

  it('places every node of a big strategy without overlap', () => {
    const doc = demoStrategy('approval');
    const size = { width: 200, height: 80 };
    const at = autoLayout(doc.nodes, doc.edges, new Map(doc.nodes.map((n) => [n.id, size])));
    const boxes = [...at.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = Math.abs(a.x - b.x) < size.width && Math.abs(a.y - b.y) < size.height;
        expect(overlap).toBe(false);
      }
    }
  });
});
