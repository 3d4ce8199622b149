import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { StateSnapshot, StrategyState } from '../../engine/state/index.ts';

/** What became of a decision once settled against the live state. */
export type Settled =
  | { kind: 'decided'; decision: Decision }
  /** The order was decided before (by any evaluator): its audit line, answered again. */
  | { kind: 'replay'; record: string }
  | { kind: 'failed'; code: string; message: string };

export interface SettleOptions {
  dryRun: boolean;
  /** Decides orders again, in order, against `view` (after a conflict). */
  redecide(orders: readonly StandardOrder[]): Promise<Decision[]>;
  /** A decision's audit line, committed with it. */
  recordOf(decision: Decision): string;
}

/**
 * A client's counters, stock, buyers, seen orders and merge groups as evaluation uses them. A turn
 * decides a chunk of orders against `view`, then `settle`s it: in one process that is nothing more (the
 * view is the state); shared between evaluators it commits each decision atomically and decides again
 * the ones whose reads no longer hold. Either way the decisions are those of a one-at-a-time run.
 */
export interface LiveState {
  /**
   * The state a turn decides against: live, or for a dry run a view that sees its own takes and
   * leaves the state untouched. Taken once per turn (a dry run's view starts afresh).
   */
  turn(dryRun: boolean): StrategyState;
  /**
   * True when `settle` also records what it commits (shared state keeps its own audit stream and
   * decision records); else the caller writes the audit and consumption to the store.
   */
  readonly recordsDecisions: boolean;
  /** Whether the order id may have been decided before (cheap; a `false` is final only in one process). */
  maySeen(orderId: string): boolean;
  settle(
    orders: readonly StandardOrder[],
    decisions: readonly Decision[],
    options: SettleOptions,
  ): Promise<Settled[]>;
  /** Forgets what the view recorded for a chunk that failed: none of it is committed. */
  discard(): void;
  snapshot(): Promise<StateSnapshot>;
}

/** Where each client's live state comes from: this process's memory, or Redis shared by evaluators. */
export interface LiveStates {
  /** Where the state lives, as /healthz reports it. */
  readonly kind: 'memory' | 'redis' | 'mongodb';
  /** Rejects while the shared state cannot be reached (a load balancer should stop sending orders). */
  ping(): Promise<void>;
  open(clientId: string): Promise<LiveState>;
  /** Replaces the client's state (an OMS pushing stock levels); the state to decide with from now on. */
  replace(clientId: string, current: LiveState, snapshot: StateSnapshot): Promise<LiveState>;
  close(): Promise<void>;
}
