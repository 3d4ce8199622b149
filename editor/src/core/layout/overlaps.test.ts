import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../engine.ts';
import { NEW_NODE_SIZE } from './free-spot.ts';
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

  it('finds 500 nodes in a grid clear, and in a crowd the pairs comparing every two would', () => {
    const grid = Array.from({ length: 500 }, (_, i) => at(`n${i}`, (i % 25) * 260, Math.floor(i / 25) * 120));
    expect(overlappingPairs(grid)).toBe(0);
    // A seeded crowd of boxes of the fresh node's size, with some React Flow measured wider.
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const crowd = Array.from({ length: 500 }, (_, i) =>
      at(`c${i}`, Math.round(next() * 4000), Math.round(next() * 2000)),
    );
    const sizes = new Map(crowd.filter((_, i) => i % 7 === 0).map((n) => [n.id, { width: 420, height: 60 }]));
    const box = (n: GraphNode) => ({ ...n.position, ...(sizes.get(n.id) ?? NEW_NODE_SIZE) });
    let everyTwo = 0;
    for (let i = 0; i < crowd.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = box(crowd[i]!);
        const b = box(crowd[j]!);
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
          everyTwo++;
      }
    }
    expect(everyTwo).toBeGreaterThan(50);
    expect(overlappingPairs(crowd, sizes)).toBe(everyTwo);
  });
});
