import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MergeGroup, MergeGroups } from './merge-groups.ts';

/**
 * The groups as specified, plainly: a lookup per call, copies in and out, and closed groups swept
 * out once 4096 are held, then again at twice what is left.
 */
class PlainGroups {
  private readonly groups = new Map<string, MergeGroup>();
  private latest = Number.NEGATIVE_INFINITY;
  private sweepAt = 4096;

  open(key: string, at: number): MergeGroup | undefined {
    const group = this.groups.get(key);
    return group !== undefined && at < group.closesAt ? { ...group } : undefined;
  }

  record(key: string, group: MergeGroup, at: number): void {
    const held = this.groups.get(key);
    const later =
      held === undefined ||
      group.closesAt > held.closesAt ||
      (group.closesAt === held.closesAt && group.size > held.size);
    if (later) this.groups.set(key, { ...group });
    if (at > this.latest) this.latest = at;
    if (this.groups.size >= this.sweepAt) {
      for (const [k, g] of this.groups) if (g.closesAt <= this.latest) this.groups.delete(k);
      this.sweepAt = Math.max(4096, 2 * this.groups.size);
    }
  }

  snapshot(): Record<string, { closesAt: string; size: number }> | undefined {
    const open = [...this.groups]
      .filter(([, g]) => g.closesAt > this.latest)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (open.length === 0) return undefined;
    const entries = open.map(([k, g]) => [k, { closesAt: new Date(g.closesAt).toISOString(), size: g.size }]);
    return Object.assign(Object.create(null), Object.fromEntries(entries));
  }
}

/** An order's step: open its key's group at its time, then record what it makes of it, as the merge event does. */
const hashKey = (n: number) => (n * 2654435761).toString(16).padStart(16, '0').slice(-16);
const step = fc.record({
  // Mostly keys as the merge event makes them (16 lowercase hex digits, the compact table's), some
  // of any other spelling (the Map's): a few of each often, so groups join, and many once.
  key: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 9 }).map(hashKey) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 1e6 }).map(hashKey) },
    fc.integer({ min: 0, max: 9 }).map(String),
    fc.integer({ min: 0, max: 9 }).map((n) => hashKey(n).toUpperCase()),
    fc.integer({ min: 0, max: 1e6 }).map(String),
  ),
  at: fc.integer({ min: 0, max: 400 }),
  window: fc.integer({ min: 1, max: 60 }),
  openFirst: fc.boolean(),
  meddle: fc.boolean(),
});

describe('MergeGroups', () => {
  it('opens and records as the plain specification does, through sweeps, whoever mutates what', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 4000, maxLength: 9000 }), (steps) => {
        const fast = new MergeGroups();
        const plain = new PlainGroups();
        for (const { key, at, window, openFirst, meddle } of steps) {
          let open: MergeGroup | undefined;
          if (openFirst) {
            open = fast.open(key, at);
            expect(open).toEqual(plain.open(key, at));
          }
          const group = open
            ? { closesAt: open.closesAt, size: open.size + 1 }
            : { closesAt: at + window, size: 1 };
          fast.record(key, group, at);
          plain.record(key, { ...group }, at);
          if (meddle) {
            // Neither what `open` handed out nor what was recorded is held.
            group.size = 99;
            if (open) open.closesAt = 0;
          }
        }
        for (const { key, at } of steps.slice(-200)) expect(fast.open(key, at)).toEqual(plain.open(key, at));
        expect(fast.snapshot()).toEqual(plain.snapshot());
      }),
      { numRuns: 20 },
    );
  });

  it('records a key looked up before a sweep into the groups left after it', () => {
    const groups = new MergeGroups();
    for (let i = 0; i < 4095; i++) groups.record(`k${i}`, { closesAt: i + 1, size: 1 }, i);
    expect(groups.open('late', 5000)).toBeUndefined();
    // This record reaches 4096 groups: the sweep leaves only the one still open.
    groups.record('late', { closesAt: 6000, size: 1 }, 5000);
    expect(groups.open('late', 5001)).toEqual({ closesAt: 6000, size: 1 });
    groups.record('late', { closesAt: 6000, size: 2 }, 5001);
    expect(groups.snapshot()).toEqual({ late: { closesAt: new Date(6000).toISOString(), size: 2 } });
  });
});
