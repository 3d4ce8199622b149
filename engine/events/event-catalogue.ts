import type { AnyEventDef } from './event-def.ts';

/**
 * The event types the node kinds declare, as seen by the kinds that let a graph pick one (the
 * action, the decision table). The node registry hands it to them: they are among the kinds it
 * is built from, so importing it would make an import cycle.
 */
export interface EventCatalogue {
  /** The type's def; undefined for a type no kind declares. */
  def(type: string): AnyEventDef | undefined;
  /** Every declared type, to name the choices when a graph picks another. */
  types(): readonly string[];
}
