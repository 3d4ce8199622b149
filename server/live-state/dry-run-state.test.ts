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

  it('joins and opens merge groups on its own, leaving the live groups as they were', () => {
    const t = (hhmm: string) => Date.parse(`2026-11-11T${hhmm}:00Z`);
    const live = new InMemoryState({ merges: { g: { closesAt: '2026-11-11T12:00:00Z', size: 1 } } });
    const dry = new DryRunState(live);
    expect(dry.mergeGroup('g', t('10:00'))).toEqual({ closesAt: t('12:00'), size: 1 });
    dry.recordMergeGroup('g', { closesAt: t('12:00'), size: 2 }, t('10:00'));
    dry.recordMergeGroup('h', { closesAt: t('13:00'), size: 1 }, t('10:00'));
    expect(dry.mergeGroup('g', t('10:30'))?.size).toBe(2);
    expect(dry.snapshot().merges).toEqual({
      g: { closesAt: '2026-11-11T12:00:00.000Z', size: 2 },
      h: { closesAt: '2026-11-11T13:00:00.000Z', size: 1 },
    });
    expect(live.mergeGroup('g', t('10:30'))?.size).toBe(1);
    expect(live.mergeGroup('h', t('10:30'))).toBeUndefined();
  });

  it('adds up counters, stock and buyers keyed constructor or __proto__ like any other id', () => {
    const own = <V>(entries: [string, V][]) => Object.fromEntries(entries);
    const live = new InMemoryState({
      counters: own([['__proto__', 1]]),
      stock: own([['__proto__', own([['constructor', 5]])]]),
      buyers: own([['toString', 1]]),
    });
    const dry = new DryRunState(live);
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(dry.takeFromCounter(id, 1, 10)).toBe(true);
      dry.recordBuyerOrder(id);
    }
    expect(dry.reserveStock('__proto__', 'constructor', 2)).toBe(true);
    const snapshot = dry.snapshot();
    expect(Object.entries(snapshot.counters)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['toString', 1],
    ]);
    expect(Object.entries(snapshot.buyers)).toEqual([
      ['toString', 2],
      ['__proto__', 1],
      ['constructor', 1],
    ]);
    expect(JSON.stringify(snapshot.stock)).toBe('{"__proto__":{"constructor":3}}');
    expect(JSON.stringify(live.snapshot().buyers)).toBe('{"toString":1}');
  });
});
