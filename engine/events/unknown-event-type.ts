import type { ContentIssue } from '../nodes/node-kind.ts';
import type { EventCatalogue } from './event-catalogue.ts';

/** The issue for an event type no node kind declares, at `at` in the node's content. */
export function unknownEventType(type: string, at: string, events: EventCatalogue): ContentIssue {
  return {
    code: 'unknown_event_type',
    path: at,
    message: `unknown event type "${type}": use one of ${events.types().join(', ')}`,
  };
}
