import type { Decision } from '../../../engine/decision/decision.ts';
import type { StandardOrder } from '../../../engine/order/schema.ts';
import type { StateSnapshot, StrategyState } from '../../../engine/state/index.ts';
import type { LiveState, Settled, SettleOptions } from '../live-state.ts';
import type { SharedClientState } from './shared-client-state.ts';

/**
 * Attempts at one decision before it is given up as `state_contention`. Each conflict means another
 * evaluator committed a value this one read in between; only a key changing faster than a round
 * trip, for every attempt, exhausts them.
 */
const MAX_ATTEMPTS = 16;

/**
 * State shared by evaluators (Redis or MongoDB): decided on a local view, each decision committed with
 * the values it read as preconditions, and decided again when they no longer hold (see
 * `redis/commit-script.ts` for why decisions made on stale values stay exact).
 */
export class SharedLiveState implements LiveState {
  readonly recordsDecisions = true;

  constructor(
    private readonly shared: SharedClientState,
    /** Turns a lost connection into the answer callers get (503); nothing else. */
    private readonly guard: <T>(work: Promise<T>) => Promise<T> = (work) => work,
  ) {}

  turn(dryRun: boolean): StrategyState {
    // A dry run's decisions are checked together, as one segment: none of them is committed.
    this.shared.view.joined = dryRun;
    return this.shared.view;
  }

  maySeen(orderId: string): boolean {
    return this.shared.cache.seen.has(orderId);
  }

  /** The audit line kept for an order any evaluator decided, while its record lasts. */
  record(orderId: string): Promise<string | undefined> {
    return this.shared.record(orderId);
  }

  discard(): void {
    this.shared.view.take();
    this.shared.view.takeOpen('');
  }

  snapshot(): Promise<StateSnapshot> {
    return this.guard(this.shared.snapshot());
  }

  replace(snapshot: StateSnapshot): Promise<void> {
    return this.shared.replace(snapshot);
  }

  settle(
    orders: readonly StandardOrder[],
    decisions: readonly Decision[],
    options: SettleOptions,
  ): Promise<Settled[]> {
    return options.dryRun ? this.verify(orders, decisions, options) : this.commit(orders, decisions, options);
  }

  /**
   * A dry run takes nothing, so its chunk is one segment (the view keeps it open): checked in one
   * script call, and on a conflict the whole chunk is decided again on the values that came back.
   */
  private async verify(
    orders: readonly StandardOrder[],
    decisions: readonly Decision[],
    options: SettleOptions,
  ): Promise<Settled[]> {
    let current = decisions;
    for (let attempt = 1; ; attempt++) {
      const segment = this.shared.view.takeOpen(orders[0]?.id ?? '');
      const [reply] = await this.guard(this.shared.commit([segment], [''], 'v'));
      if (reply?.kind === 'committed') return current.map((decision) => ({ kind: 'decided', decision }));
      if (attempt === MAX_ATTEMPTS) return orders.map(() => contention());
      current = await options.redecide(orders);
    }
  }

  private async commit(
    orders: readonly StandardOrder[],
    decisions: readonly Decision[],
    options: SettleOptions,
  ): Promise<Settled[]> {
    const segments = this.shared.view.take();
    if (
      segments.length !== decisions.length ||
      segments.some((s, i) => s.orderId !== decisions[i]!.orderId)
    ) {
      throw new Error(
        `the state view recorded ${segments.length} decisions for a chunk of ${decisions.length}: recordOrder must end each decision`,
      );
    }
    const replies = await this.guard(
      this.shared.commit(
        segments,
        decisions.map((decision) => options.recordOf(decision)),
        'c',
      ),
    );
    const settled: Settled[] = [];
    for (const [i, reply] of replies.entries()) {
      settled.push(
        reply.kind === 'committed'
          ? { kind: 'decided', decision: decisions[i]! }
          : reply.kind === 'duplicate' && reply.record !== ''
            ? { kind: 'replay', record: reply.record }
            : await this.retry(orders[i]!, options, reply.kind === 'duplicate' ? 'a' : 'c'),
      );
    }
    return settled;
  }

  /**
   * Decides one order again on the values its conflict brought back, until a commit holds. Mode `a`
   * for an order seen before whose record is gone (a snapshot listed it, or the record expired): it is
   * decided again, as seen, as one process would.
   */
  private async retry(order: StandardOrder, options: SettleOptions, mode: 'c' | 'a'): Promise<Settled> {
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const [decision] = await options.redecide([order]);
      const [reply] = await this.guard(
        this.shared.commit(this.shared.view.take(), [options.recordOf(decision!)], mode),
      );
      if (reply!.kind === 'committed') return { kind: 'decided', decision: decision! };
      if (reply!.kind === 'duplicate') {
        if (reply!.record !== '') return { kind: 'replay', record: reply!.record };
        mode = 'a';
      }
    }
    return contention();
  }
}

function contention(): Settled {
  return {
    kind: 'failed',
    code: 'state_contention',
    message: `the order's counters or stock changed under it ${MAX_ATTEMPTS} times running; send it again`,
  };
}
