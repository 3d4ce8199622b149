import { approveEvent, flagEvent, holdEvent } from './builtin/approval-events.ts';
import { carrierEvent, extractEvent, giftEvent, routeEvent, tagEvent } from './builtin/basic-events.ts';
import type { EventDef } from './event-def.ts';

// Method parameters are bivariant, so each specific event is usable where its params are unknown.
export type AnyEventDef = EventDef<unknown>;

const EVENTS: readonly AnyEventDef[] = [
  approveEvent,
  holdEvent,
  flagEvent,
  routeEvent,
  carrierEvent,
  tagEvent,
  giftEvent,
  extractEvent,
] as AnyEventDef[];

const byType = new Map(EVENTS.map((def) => [def.type, def]));

export function eventDef(type: string): AnyEventDef | undefined {
  return byType.get(type);
}

export const EVENT_TYPES = EVENTS.map((def) => def.type);
