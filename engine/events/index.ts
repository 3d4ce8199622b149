export { checkEventParams } from './check-event-params.ts';
export type { EventCatalogue } from './event-catalogue.ts';
export {
  type AnyEventDef,
  type ApplyContext,
  defineEvent,
  type EventDef,
  type EventOrigin,
} from './event-def.ts';
export { unknownEventType } from './unknown-event-type.ts';
