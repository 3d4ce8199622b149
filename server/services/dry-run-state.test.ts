import { describe, expect, it } from 'vitest';
import { InMemoryState } from '../../engine/state/index.ts';
import { DryRunState } from './dry-run-state.ts';

describe('DryRunState', () => {
  it('sees what it took on top of the live state, and never changes the live state', () => {
    const live = new InMemoryState({ counters: { cap: 1 }, stock: { WH: { A: 3 } }, buyers: { b: 2 } });
    live.recordOrder('T-0');
    const dry = new DryRunState(live);
    expect(dry.takeFromCounter('cap', 1, 2)).toBe(true);
    expect(dry.takeFromCounter('cap', 1, 2)).toBe(false);
    expect(dry.reserveStock('WH', 'A', 2)).toBe(true);
    expect(dry.reserveStock('WH', 'A', 2)).toBe(false);
    expect(dry.reserveStock('WH', 'untracked', 99)).toBe(true);
    dry.recordBuyerOrder('b');
    dry.recordOrder('T-1');
    expect([dry.seenOrder('T-0'), dry.seenOrder('T-1')]).toEqual([true, true]);
    expect(dry.snapshot()).toEqual({ counters: { cap: 2 }, stock: { WH: { A: 1 } }, buyers: { b: 3 } });
    expect(live.snapshot()).toEqual({ counters: { cap: 1 }, stock: { WH: { A: 3 } }, buyers: { b: 2 } });
    expect(live.seenOrder('T-1')).toBe(false);
  });
});
