import { idRecordFrom } from './id-record.ts';
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
 */
export class MergeGroups {
  private readonly groups = new Map<string, MergeGroup>();
  private latest = Number.NEGATIVE_INFINITY;
  private sweepAt = SWEEP_FLOOR;

  constructor(snapshot: Readonly<Record<string, MergeGroupSnapshot>> = {}) {
    for (const [key, { closesAt, size }] of Object.entries(snapshot)) {
      this.groups.set(key, { closesAt: Date.parse(closesAt), size });
    }
  }

  open(key: string, at: number): MergeGroup | undefined {
    const group = this.groups.get(key);
    return group !== undefined && at < group.closesAt ? { ...group } : undefined;
  }

  record(key: string, group: MergeGroup, at: number): void {
    const held = this.groups.get(key);
    if (held === undefined || laterThan(group, held)) this.groups.set(key, { ...group });
    if (at > this.latest) this.latest = at;
    if (this.groups.size >= this.sweepAt) this.sweep();
  }

  /** The groups still open after the latest order recorded, by key (no prototype); undefined when there are none. */
  snapshot(): Record<string, MergeGroupSnapshot> | undefined {
    const open = [...this.groups]
      .filter(([, group]) => group.closesAt > this.latest)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (open.length === 0) return undefined;
    return idRecordFrom(
      open.map(([key, { closesAt, size }]) => [key, { closesAt: new Date(closesAt).toISOString(), size }]),
    );
  }

  private sweep(): void {
    for (const [key, group] of this.groups) if (group.closesAt <= this.latest) this.groups.delete(key);
    this.sweepAt = Math.max(SWEEP_FLOOR, 2 * this.groups.size);
  }
}

function laterThan(a: MergeGroup, b: MergeGroup): boolean {
  return a.closesAt > b.closesAt || (a.closesAt === b.closesAt && a.size > b.size);
}
