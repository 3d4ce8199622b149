import { type GraphNode, nodeKind } from '../engine.ts';
import { uniqueId } from '../ids/unique-id.ts';

/** A new node of a kind, with the kind's defaults, at a free id made from the kind's name. */
export function createNode(
  kind: string,
  position: { x: number; y: number },
  taken: ReadonlySet<string>,
): GraphNode {
  const def = nodeKind(kind);
  if (!def) throw new Error(`unknown node kind "${kind}"`);
  return {
    id: uniqueId(kind, taken),
    kind,
    kindVersion: def.version,
    name: '',
    content: structuredClone(def.defaults()),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
}
