import { type Family, type GraphNode, nodeKind } from '../engine.ts';
import { uniqueId } from '../ids/unique-id.ts';
import { switchTableEvent, tableEventFor } from './table-event.ts';

/** A new node of a kind, with the kind's defaults, at a free id made from the kind's name. */
export function createNode(
  kind: string,
  position: { x: number; y: number },
  taken: ReadonlySet<string>,
  family?: Family,
): GraphNode {
  const def = nodeKind(kind);
  if (!def) throw new Error(`unknown node kind "${kind}"`);
  const defaults = structuredClone(def.defaults());
  return {
    id: uniqueId(kind, taken),
    kind,
    kindVersion: def.version,
    name: '',
    // A decision table decides what its strategy's stage decides (the kind's default is routing).
    content:
      kind === 'decisionTable' && family
        ? switchTableEvent(defaults as Parameters<typeof switchTableEvent>[0], tableEventFor(family))
        : defaults,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
}
