export { checkEventParams } from './check-event-params.ts';
export { type ApplyContext, defineEvent, type EventDef, type EventOrigin } from './event-def.ts';
export { type AnyEventDef, EVENT_TYPES, eventDef } from './registry.ts';
