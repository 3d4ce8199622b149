import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../engine.ts';
import { overlappingPairs } from './overlaps.ts';

const at = (id: string, x: number, y: number) =>
  ({ id, kind: 'condition', name: id, content: {}, position: { x, y } }) as unknown as GraphNode;

describe('overlappingPairs', () => {
  it('counts the pairs whose boxes cover each other', () => {
    expect(overlappingPairs([at('a', 0, 0), at('b', 100, 40), at('c', 0, 0)])).toBe(3);
  });

  it('finds none in a layout whose boxes only touch, side by side or stacked', () => {
    expect(overlappingPairs([at('a', 0, 0), at('b', 220, 0), at('c', 0, 90), at('d', 600, 600)])).toBe(0);
  });

  it('uses the measured size when React Flow has one', () => {
    const nodes = [at('a', 0, 0), at('b', 250, 0)];
    expect(overlappingPairs(nodes)).toBe(0);
    expect(overlappingPairs(nodes, new Map([['a', { width: 300, height: 90 }]]))).toBe(1);
  });

  it('checks 500 nodes in a grid quickly and finds them clear', () => {
    const grid = Array.from({ length: 500 }, (_, i) => at(`n${i}`, (i % 25) * 260, Math.floor(i / 25) * 120));
    const started = performance.now();
    expect(overlappingPairs(grid)).toBe(0);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
