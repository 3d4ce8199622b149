import type { Client } from '../../client/schema.ts';
import type { Decision } from '../../decision/decision.ts';
import type { AnyEventDef, ApplyContext, EventOrigin } from '../../events/index.ts';
import { NO_LINES } from '../../events/no-lines.ts';
import type { StageView } from '../../facts/index.ts';
import { eventDef } from '../../nodes/registry.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { RuleEvent } from '../../rules/schema.ts';
import type { StrategyState } from '../../state/index.ts';

const PIPELINE: EventOrigin = { strategyId: 'pipeline', nodeId: '' };
const NO_HOLD: ApplyContext['hold'] = () => undefined;

/** An event's params checked against its type once, when the pipeline is built, not per order. */
export type PreparedEvent =
  | { kind: 'known'; def: AnyEventDef; params: unknown }
  | { kind: 'passThrough' }
  | { kind: 'invalid' };

export function prepareEvent(event: RuleEvent): PreparedEvent {
  const def = eventDef(event.type);
  if (!def) return { kind: 'passThrough' };
  const parsed = def.params.safeParse(event.params ?? {});
  return parsed.success ? { kind: 'known', def, params: parsed.data } : { kind: 'invalid' };
}

/** Accumulates one order's decision as the stages' events arrive. */
export class DecisionBuilder {
  readonly decision: Decision;
  /**
   * The last view handed out, until an event or hold changes the decision: most stages change
   * nothing, and nine views of the same decision an order were nine sets of arrays.
   */
  private lastView: StageView | undefined;
  private applying: ApplyContext | undefined;

  constructor(
    private readonly order: StandardOrder,
    private readonly client: Client | undefined,
    private readonly state: StrategyState,
    /** The decision time events read (hold release times): the pipeline's clock for the order. */
    private readonly now: Date = new Date(),
  ) {
    this.decision = {
      orderId: order.id,
      status: 'approved',
      holds: [],
      flags: [],
      warehouse: null,
      carrier: null,
      gifts: [],
      tags: [],
      parcels: [],
      substitutions: [],
      consumed: [],
      extracted: {},
      events: [],
    };
  }

  apply(event: RuleEvent, origin: EventOrigin, prepared: PreparedEvent = prepareEvent(event)): void {
    this.lastView = undefined;
    const entry: Decision['events'][number] = { strategyId: origin.strategyId, type: event.type };
    if (event.params) entry.params = event.params;
    this.decision.events.push(entry);
    if (prepared.kind === 'passThrough') return;
    if (prepared.kind === 'invalid') {
      this.hold(
        'event_invalid',
        `${origin.strategyId}/${origin.nodeId}: ${event.type} has invalid params`,
        origin,
      );
      return;
    }
    prepared.def.apply(prepared.params, this.context(origin));
  }

  hold(reason: string, message: string, origin: EventOrigin = PIPELINE): void {
    this.lastView = undefined;
    this.decision.holds.push({ reason, message, ...origin });
  }

  /**
   * The pipeline's own hold, unless a stage already held the order for this reason and said more,
   * or held it `no_lines`: an order without lines is unplaced for that reason, and saying
   * `no_warehouse` or `no_carrier` as well would only repeat it.
   */
  holdUnlessHeld(reason: string, message: string): void {
    if (!this.decision.holds.some((h) => h.reason === reason || h.reason === NO_LINES)) {
      this.hold(reason, message);
    }
  }

  /**
   * The context events are applied in: one per order, its origin set for each event. Events apply
   * one at a time and keep nothing of it, so one object (and one `hold`) serves them all, where an
   * object and a closure per event applied cost more than most events do.
   */
  private context(origin: EventOrigin): ApplyContext {
    if (this.applying) {
      this.applying.origin = origin;
      return this.applying;
    }
    const context: ApplyContext = {
      decision: this.decision,
      order: this.order,
      client: this.client,
      state: this.state,
      origin,
      now: this.now,
      hold: NO_HOLD,
    };
    context.hold = this.holdAt(context);
    this.applying = context;
    return context;
  }

  /**
   * `hold` for the context, from whatever event it is applying. Made here rather than written
   * inline in the context: tsx (esbuild `keepNames`) names an inline closure with
   * Object.defineProperty each time one is made, which costs more than most events do.
   */
  private holdAt(context: ApplyContext): ApplyContext['hold'] {
    return (reason, message) => this.hold(reason, message, context.origin);
  }

  /** What later stages may read of the decision so far. */
  view(): StageView {
    if (this.lastView) return this.lastView;
    const d = this.decision;
    this.lastView = {
      status: this.status(),
      warehouse: d.warehouse,
      carrier: d.carrier,
      tags: [...d.tags],
      holds: d.holds.map((h) => h.reason),
      gifts: d.gifts.map((g) => g.sku),
      merged: d.merge?.joined === true,
    };
    return this.lastView;
  }

  status(): Decision['status'] {
    if (this.decision.holds.length) return 'held';
    return this.decision.flags.length ? 'flagged' : 'approved';
  }

  finish(): Decision {
    this.decision.status = this.status();
    return this.decision;
  }
}
