import type { Family, HitPolicy, Strategy } from '../engine.ts';
import { slug, uniqueId } from '../ids/unique-id.ts';

/** The hit policy each family usually wants: one warehouse, one carrier; every tag, hold, gift. */
export function defaultHitPolicy(family: Family): HitPolicy {
  return family === 'routing' || family === 'carrier' ? 'first' : 'collect';
}

/** A free strategy id from what was typed, or from the family when the name has no latin letters (分仓 → routing-2). */
export function strategyIdFor(name: string, family: Family, taken: ReadonlySet<string>): string {
  const fromName = slug(name.toLowerCase());
  return uniqueId(fromName === 'x' || /^[-\d]+$/.test(fromName) ? family : fromName, taken);
}

/** A new strategy: its start node, ready for the first node from the palette. */
export function newStrategy(input: { clientId: string; id: string; name: string; family: Family }): Strategy {
  return {
    formatVersion: 1,
    id: input.id,
    clientId: input.clientId,
    family: input.family,
    name: input.name,
    description: '',
    hitPolicy: defaultHitPolicy(input.family),
    nodes: [{ id: 'start', kind: 'start', kindVersion: 1, name: '', content: {}, position: { x: 0, y: 0 } }],
    edges: [],
    tests: [],
  };
}
