import type { Decision } from '../../engine/decision/decision.ts';
import { InMemoryState, type StateSnapshot, type StrategyState } from '../../engine/state/index.ts';
import type { PersistedState } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { DryRunState } from './dry-run-state.ts';
import type { LiveState, LiveStates, Settled } from './live-state.ts';

/**
 * The state of one evaluator process: its memory is the state, so a decision is final when made
 * (one client's orders are decided one at a time). The store keeps the log it is rebuilt from.
 */
export class InProcessState implements LiveState {
  readonly recordsDecisions = false;

  constructor(readonly view: InMemoryState) {}

  /** Seeded with what the store replayed. */
  static from(persisted: PersistedState): InProcessState {
    const state = new InMemoryState(persisted.snapshot);
    for (const orderId of persisted.seenOrders) state.recordOrder(orderId);
    return new InProcessState(state);
  }

  turn(dryRun: boolean): StrategyState {
    return dryRun ? new DryRunState(this.view) : this.view;
  }

  maySeen(orderId: string): boolean {
    return this.view.seenOrder(orderId);
  }

  async settle(_orders: unknown, decisions: readonly Decision[]): Promise<Settled[]> {
    return decisions.map((decision) => ({ kind: 'decided', decision }));
  }

  discard(): void {}

  async snapshot(): Promise<StateSnapshot> {
    return this.view.snapshot();
  }
}

/** Each client's state in this process's memory, rebuilt from the store's snapshot and log. */
export class InProcessStates implements LiveStates {
  readonly kind = 'memory';

  constructor(private readonly store: Store) {}

  async ping(): Promise<void> {}

  async open(clientId: string): Promise<LiveState> {
    return InProcessState.from(await this.store.state.load(clientId));
  }

  async replace(clientId: string, _current: LiveState, snapshot: StateSnapshot): Promise<LiveState> {
    await this.store.state.replace(clientId, snapshot);
    return this.open(clientId);
  }

  async close(): Promise<void> {}
}
