import { approveEvent, flagEvent, holdEvent } from '../nodes/approval/approval-events.ts';
import { carrierEvent } from '../nodes/carrier/carrier.event.ts';
import { giftEvent } from '../nodes/gift/gift.event.ts';
import { giftRulesEvent } from '../nodes/gift/gift-rules.event.ts';
import { pluginActionEvent } from '../nodes/plugin/plugin-action.event.ts';
import { pluginFactsEvent } from '../nodes/plugin/plugin-facts.event.ts';
import { remarkExtractEvent } from '../nodes/remark/remark-event.ts';
import { routeEvent } from '../nodes/route/route.event.ts';
import { splitEvent } from '../nodes/split/split.event.ts';
import { substituteEvent } from '../nodes/substitute/substitute.event.ts';
import { tagEvent } from '../nodes/tag/tag-event.ts';
import { extractEvent } from './builtin/basic-events.ts';
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
  giftRulesEvent,
  substituteEvent,
  splitEvent,
  extractEvent,
  remarkExtractEvent,
  pluginFactsEvent,
  pluginActionEvent,
] as AnyEventDef[];

const byType = new Map(EVENTS.map((def) => [def.type, def]));

export function eventDef(type: string): AnyEventDef | undefined {
  return byType.get(type);
}

export const EVENT_TYPES = EVENTS.map((def) => def.type);
