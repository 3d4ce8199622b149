import type { AnyEventDef } from './event-def.ts';

interface Declaring {
  kind: string;
  events: readonly AnyEventDef[];
}

/** The event types the kinds declare, by type; two kinds declaring one type is a bug in the engine. */
export function eventsByType(kinds: readonly Declaring[]): ReadonlyMap<string, AnyEventDef> {
  const byType = new Map<string, AnyEventDef>();
  const declaredBy = new Map<string, string>();
  for (const { kind, events } of kinds) {
    for (const def of events) {
      const other = declaredBy.get(def.type);
      if (other) throw new Error(`event type "${def.type}" is declared by both ${other} and ${kind}`);
      declaredBy.set(def.type, kind);
      byType.set(def.type, def);
    }
  }
  return byType;
}
