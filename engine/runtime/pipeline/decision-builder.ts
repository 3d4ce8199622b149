import type { Client } from '../../client/schema.ts';
import type { Decision, DecisionEvent } from '../../decision/decision.ts';
import type { AnyEventDef, ApplyContext, EventOrigin } from '../../events/index.ts';
import { NO_LINES } from '../../events/no-lines.ts';
import type { StageView } from '../../facts/index.ts';
import { eventDef } from '../../nodes/registry.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { RuleEvent } from '../../rules/schema.ts';
import type { StrategyState } from '../../state/index.ts';

const PIPELINE: EventOrigin = { strategyId: 'pipeline', nodeId: '' };

const NOTHING: string[] = Object.freeze([]) as unknown as string[];
/**
 * The view of a decision nothing has changed yet, the one every order's stages read first: one
 * frozen object shared by every order (a view is never changed once handed out), not a view and
 * three empty lists made per order.
 */
const UNTOUCHED: StageView = Object.freeze({
  status: 'approved',
  warehouse: null,
  carrier: null,
  tags: NOTHING,
  holds: NOTHING,
  gifts: NOTHING,
  merged: false,
});
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

/** What a decision's `events` records of an event; its `params` are the event's own object. */
export function eventEntry(event: RuleEvent, origin: EventOrigin): DecisionEvent {
  const entry: DecisionEvent = { strategyId: origin.strategyId, type: event.type };
  if (event.params) entry.params = event.params;
  return entry;
}

/** Accumulates one order's decision as the stages' events arrive. */
export class DecisionBuilder {
  readonly decision: Decision;
  /** The last view handed out; `changed` once an event or hold may have changed what it shows. */
  private lastView: StageView | undefined;
  private changed = true;
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

  /** `entry`: the decision's record of the event, when the caller made it once for every order (`eventEntry`). */
  apply(
    event: RuleEvent,
    origin: EventOrigin,
    prepared: PreparedEvent = prepareEvent(event),
    entry: DecisionEvent = eventEntry(event, origin),
  ): void {
    this.changed = true;
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
    this.changed = true;
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

  /**
   * What later stages may read of the decision so far. A view is never changed once handed out:
   * the next one keeps the last one's lists that still read the same, and is the last one itself
   * when nothing it shows changed (most events change what no view shows: parcels, extracted
   * fields, consumption), where every event used to cost a new view and three new lists.
   */
  view(): StageView {
    const last = this.lastView;
    if (last && !this.changed) return last;
    this.changed = false;
    const d = this.decision;
    const status = this.status();
    const merged = d.merge?.joined === true;
    if (last === undefined && isUntouched(d, status, merged)) {
      this.lastView = UNTOUCHED;
      return UNTOUCHED;
    }
    const tags = last && sameItems(last.tags, d.tags) ? last.tags : [...d.tags];
    const holds = last && sameReasons(last.holds, d.holds) ? last.holds : d.holds.map(reasonOf);
    const gifts = last && sameSkus(last.gifts, d.gifts) ? last.gifts : d.gifts.map(skuOf);
    if (
      last &&
      last.status === status &&
      last.warehouse === d.warehouse &&
      last.carrier === d.carrier &&
      last.merged === merged &&
      last.tags === tags &&
      last.holds === holds &&
      last.gifts === gifts
    ) {
      return last;
    }
    this.lastView = { status, warehouse: d.warehouse, carrier: d.carrier, tags, holds, gifts, merged };
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

/** Whether the decision shows what UNTOUCHED shows. */
function isUntouched(d: Decision, status: Decision['status'], merged: boolean): boolean {
  return (
    status === UNTOUCHED.status &&
    d.warehouse === null &&
    d.carrier === null &&
    !merged &&
    d.tags.length === 0 &&
    d.holds.length === 0 &&
    d.gifts.length === 0
  );
}

const reasonOf = (hold: Decision['holds'][number]) => hold.reason;
const skuOf = (gift: Decision['gifts'][number]) => gift.sku;

function sameItems(seen: readonly string[], now: readonly string[]): boolean {
  if (seen.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (seen[i] !== now[i]) return false;
  return true;
}

function sameReasons(seen: readonly string[], now: Decision['holds']): boolean {
  if (seen.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (seen[i] !== now[i]!.reason) return false;
  return true;
}

function sameSkus(seen: readonly string[], now: Decision['gifts']): boolean {
  if (seen.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (seen[i] !== now[i]!.sku) return false;
  return true;
}
