import type { GraphNode } from '../engine.ts';

/** A new node's box before React Flow measures it: about what a fresh node of any kind takes. */
export const NEW_NODE_SIZE = { width: 220, height: 90 };
const STEP_X = NEW_NODE_SIZE.width + 40;
const STEP_Y = NEW_NODE_SIZE.height + 30;

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NEW_NODE_SIZE.width && Math.abs(a.y - b.y) < NEW_NODE_SIZE.height;

/** Offsets around a point, nearest ring first: below, above, right, left, then the corners. */
function* around(rings: number) {
  yield { x: 0, y: 0 };
  for (let r = 1; r <= rings; r++) {
    for (const [dx, dy] of [
      [0, r],
      [0, -r],
      [r, 0],
      [-r, 0],
      [r, r],
      [-r, r],
      [r, -r],
      [-r, -r],
    ] as const) {
      yield { x: dx * STEP_X, y: dy * STEP_Y };
    }
  }
}

/**
 * Where a clicked palette item lands: centred on the point the consultant is looking at, or the
 * nearest place around it that no node covers, so it is on screen and hides nothing.
 */
export function freeSpotAt(center: { x: number; y: number }, nodes: readonly GraphNode[]) {
  const origin = {
    x: Math.round(center.x - NEW_NODE_SIZE.width / 2),
    y: Math.round(center.y - NEW_NODE_SIZE.height / 2),
  };
  for (const offset of around(4)) {
    const spot = { x: origin.x + offset.x, y: origin.y + offset.y };
    if (!nodes.some((n) => overlaps(n.position, spot))) return spot;
  }
  return origin;
}
