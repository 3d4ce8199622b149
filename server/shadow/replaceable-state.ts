import { InMemoryState, type StateSnapshot } from '../../engine/state/index.ts';
import { SwitchableState } from '../services/switchable-state.ts';

/**
 * A shadow's copy of the live state, which an OMS's `PUT …/state` replaces as it replaces live's:
 * counters, stock, buyers and merge groups start again from the new snapshot, and orders already seen
 * stay seen (as live's replace keeps them).
 */
export class ReplaceableState extends SwitchableState {
  /** The first copy keeps the seen order ids: a snapshot does not carry them. */
  private readonly seen: InMemoryState;

  constructor(snapshot: StateSnapshot) {
    const first = new InMemoryState(snapshot);
    super(first);
    this.seen = first;
  }

  replace(snapshot: StateSnapshot): void {
    this.target = new InMemoryState(snapshot);
  }

  override seenOrder(orderId: string): boolean {
    return this.seen.seenOrder(orderId);
  }

  override recordOrder(orderId: string): void {
    this.seen.recordOrder(orderId);
  }
}
