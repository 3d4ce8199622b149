import { describe, expect, it } from 'vitest';
import { createNode } from '../document/node-factory.ts';
import { freeSpotAt } from './free-spot.ts';

describe('freeSpotAt', () => {
  it('centres the new node on the point in view', () => {
    expect(freeSpotAt({ x: 500, y: 300 }, [])).toEqual({ x: 390, y: 255 });
  });

  it('takes the nearest free place around it: below, then above, then beside', () => {
    const there = createNode('tag', { x: 400, y: 260 }, new Set());
    const below = createNode('tag', { x: 380, y: 380 }, new Set(['tag']));
    const far = createNode('tag', { x: 2000, y: 255 }, new Set(['tag', 'tag-2']));
    expect(freeSpotAt({ x: 500, y: 300 }, [there, far])).toEqual({ x: 390, y: 375 });
    expect(freeSpotAt({ x: 500, y: 300 }, [there, below, far])).toEqual({ x: 390, y: 135 });
  });

  it('gives up and centres it when everything around is taken', () => {
    // A grid of nodes 100 × 60 apart from (-1000, -1000) to (2000, 1600): no free 220 × 90 box anywhere near.
    const crowd = Array.from({ length: 30 * 44 }, (_, i) =>
      createNode('tag', { x: (i % 30) * 100 - 1000, y: Math.floor(i / 30) * 60 - 1000 }, new Set()),
    );
    expect(freeSpotAt({ x: 500, y: 300 }, crowd)).toEqual({ x: 390, y: 255 });
  });
});
