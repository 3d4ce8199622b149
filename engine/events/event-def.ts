import type { z } from 'zod';
import type { Client, MasterDataRef } from '../client/index.ts';
import type { Decision } from '../decision/decision.ts';
import type { Label } from '../nodes/node-kind.ts';
import type { StandardOrder } from '../order/schema.ts';
import type { StrategyState } from '../state/index.ts';

export interface EventOrigin {
  strategyId: string;
  nodeId: string;
}

/** What an event may read and change when it is applied to one order's decision. */
export interface ApplyContext {
  decision: Decision;
  order: StandardOrder;
  client: Client | undefined;
  state: StrategyState;
  origin: EventOrigin;
  /**
   * The decision time: the pipeline's clock for this order (`PipelineOptions.clock`), the same one
   * computed facts such as `minutesSincePaid` measure from. Events read it, never the wall clock, so
   * a simulation replays the same hold release times.
   */
  now: Date;
  /** Raises a hold from inside an event (a capped gift with no fallback, stock that does not fit). */
  hold(reason: string, message: string): void;
}

/**
 * An event type the pipeline turns into a decision: its params schema (checked when a graph
 * compiles) and how it changes the decision. The node kind that emits it declares it in its
 * `events`; a graph naming a type no kind declares does not compile. Rule JSON written by hand may
 * still carry such types: they pass through to `decision.events` for integrators who handle their own.
 */
export interface EventDef<P> {
  type: string;
  /** What the editor calls it (the action picker, the rules preview, the trace). */
  label: Label;
  params: z.ZodType<P>;
  /** The client's warehouses, carriers, SKUs and shops the params name, checked at compile time. */
  references?(params: P): MasterDataRef[];
  apply(params: P, context: ApplyContext): void;
}

// Method parameters are bivariant, so each specific event is usable where its params are unknown.
export type AnyEventDef = EventDef<unknown>;

export function defineEvent<P>(def: EventDef<P>): EventDef<P> {
  return def;
}
