import type { GraphNode } from '../engine.ts';
import type { Size } from '../graph/flow-types.ts';
import { NEW_NODE_SIZE } from './free-spot.ts';

/**
 * How many pairs of nodes cover each other in a saved layout, each node as the box React Flow
 * measured or, before it has, a fresh node's box. Sorted by x, each node is compared only with
 * those starting within the widest box to its left: a 500-node strategy is checked in a few ms.
 */
export function overlappingPairs(
  nodes: readonly GraphNode[],
  sizes: ReadonlyMap<string, Size> = new Map(),
): number {
  const boxes = nodes
    .map((n) => ({ x: n.position.x, y: n.position.y, ...(sizes.get(n.id) ?? NEW_NODE_SIZE) }))
    .sort((a, b) => a.x - b.x);
  const widest = Math.max(0, ...boxes.map((b) => b.width));
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i - 1; j >= 0 && a.x - boxes[j]!.x < widest; j--) {
      const b = boxes[j]!;
      if (a.x < b.x + b.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs++;
    }
  }
  return pairs;
}
