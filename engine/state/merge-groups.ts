import { idRecordFrom } from './id-record.ts';
import { laterThan, MergeGroupTable } from './merge-group-table.ts';
import type { MergeGroupSnapshot } from './state.ts';

/** An open merge group as the engine reads it: when it closes (epoch ms) and the orders in it. */
export interface MergeGroup {
  closesAt: number;
  size: number;
}

/** Groups held before closed ones are swept out; the sweep runs again at twice what is left. */
const SWEEP_FLOOR = 4096;

/**
 * Open merge groups by key. Orders are recorded in pay-time order (simulation strictly, the server as
 * they arrive), so a group closed before the latest order recorded can take no more orders: such
 * groups are swept out now and then, which keeps a year of history from piling up in memory, and
 * left out of snapshots. Recording keeps the later of two states of a key (by closing time, then
 * size), so replaying recorded groups in any order (the server's state log) gives the same groups.
 * The merge event's keys (hashes in hex) are held in a compact table; any other key, as a
 * hand-written snapshot may give, in a Map.
 */
export class MergeGroups {
  private readonly hashed = new MergeGroupTable();
  private readonly others = new Map<string, MergeGroup>();
  private latest = Number.NEGATIVE_INFINITY;
  private sweepAt = SWEEP_FLOOR;

  constructor(snapshot: Readonly<Record<string, MergeGroupSnapshot>> = {}) {
    for (const [key, { closesAt, size }] of Object.entries(snapshot)) {
      this.keep(key, { closesAt: Date.parse(closesAt), size });
    }
  }

  open(key: string, at: number): MergeGroup | undefined {
    if (this.hashed.accepts(key)) return this.hashed.open(at);
    const group = this.others.get(key);
    return group !== undefined && at < group.closesAt ? { ...group } : undefined;
  }

  record(key: string, group: MergeGroup, at: number): void {
    this.keep(key, group);
    if (at > this.latest) this.latest = at;
    if (this.hashed.size + this.others.size >= this.sweepAt) this.sweep();
  }

  /** The groups still open after the latest order recorded, by key (no prototype); undefined when there are none. */
  snapshot(): Record<string, MergeGroupSnapshot> | undefined {
    const open = [...this.hashed.entries(), ...this.others]
      .filter(([, group]) => group.closesAt > this.latest)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (open.length === 0) return undefined;
    return idRecordFrom(
      open.map(([key, { closesAt, size }]) => [key, { closesAt: new Date(closesAt).toISOString(), size }]),
    );
  }

  /** Keeps the later of `group` and the key's group. */
  private keep(key: string, group: MergeGroup): void {
    if (this.hashed.accepts(key)) {
      this.hashed.record(group);
      return;
    }
    const held = this.others.get(key);
    if (held === undefined || laterThan(group.closesAt, group.size, held.closesAt, held.size)) {
      this.others.set(key, { ...group });
    }
  }

  private sweep(): void {
    this.hashed.sweep(this.latest);
    for (const [key, group] of this.others) if (group.closesAt <= this.latest) this.others.delete(key);
    this.sweepAt = Math.max(SWEEP_FLOOR, 2 * (this.hashed.size + this.others.size));
  }
}
