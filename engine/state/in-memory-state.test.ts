import { describe, expect, it } from 'vitest';
import { InMemoryState } from './in-memory-state.ts';

describe('InMemoryState', () => {
  it('takes from a capped counter until the cap, then refuses without taking', () => {
    const state = new InMemoryState();
    expect([1, 2, 3].map(() => state.takeFromCounter('gift:first-2', 1, 2))).toEqual([true, true, false]);
    expect(state.counter('gift:first-2')).toBe(2);
    expect(state.takeFromCounter('gift:multi', 3, 2)).toBe(false);
    expect(state.counter('gift:multi')).toBe(0);
  });

  it('reserves tracked stock only while it lasts; untracked stock never runs out', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { A: 3 } } });
    expect(state.reserveStock('WH-SH', 'A', 2)).toBe(true);
    expect(state.reserveStock('WH-SH', 'A', 2)).toBe(false);
    expect(state.stock('WH-SH', 'A')).toBe(1);
    expect(state.stock('WH-SH', 'B')).toBeUndefined();
    expect(state.reserveStock('WH-SH', 'B', 99)).toBe(true);
    expect(state.reserveStock('WH-GZ', 'A', 99)).toBe(true);
  });

  it('reads and takes each warehouse’s own stock when reads move between warehouses', () => {
    const state = new InMemoryState({ stock: { 'WH-SH': { A: 3, B: 1 }, 'WH-GZ': { A: 7 } } });
    const reads = () =>
      ['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-SH', 'WH-GZ'].flatMap((w) => [
        state.stock(w, 'A'),
        state.stock(w, 'B'),
      ]);
    expect(reads()).toEqual([3, 1, 7, undefined, undefined, undefined, 3, 1, 7, undefined]);
    expect(state.reserveStock('WH-GZ', 'A', 5)).toBe(true);
    expect(state.reserveStock('WH-SH', 'A', 5)).toBe(false);
    expect(state.reserveStock('WH-BJ', 'A', 5)).toBe(true);
    expect(state.reserveStock('WH-SH', 'B', 1)).toBe(true);
    expect(reads()).toEqual([3, 0, 2, undefined, undefined, undefined, 3, 0, 2, undefined]);
  });

  it('round-trips through a snapshot with keys in a stable order', () => {
    const state = new InMemoryState({ counters: { b: 1 }, stock: { W: { Z: 5, A: 1 } }, buyers: { u2: 1 } });
    state.takeFromCounter('a', 1, 10);
    state.recordBuyerOrder('u1');
    state.recordBuyerOrder('');
    const snapshot = state.snapshot();
    expect(JSON.stringify(snapshot)).toBe(
      JSON.stringify({ counters: { a: 1, b: 1 }, stock: { W: { A: 1, Z: 5 } }, buyers: { u1: 1, u2: 1 } }),
    );
    expect(new InMemoryState(snapshot).snapshot()).toEqual(snapshot);
  });

  it('counts each buyer’s orders when reads and records move between buyers', () => {
    const state = new InMemoryState({ buyers: { u1: 2 } });
    const reads = () => ['u1', 'u2', 'u1', ''].map((b) => state.buyerOrders(b));
    expect(reads()).toEqual([2, 0, 2, 0]);
    state.recordBuyerOrder('u2');
    state.recordBuyerOrder('u2');
    expect(state.buyerOrders('u1')).toBe(2);
    state.recordBuyerOrder('u1');
    state.recordBuyerOrder('');
    expect(reads()).toEqual([3, 2, 3, 0]);
    expect(state.snapshot().buyers).toEqual({ u1: 3, u2: 2 });
  });

  it('remembers the order ids it recorded, outside the snapshot', () => {
    const state = new InMemoryState();
    expect(state.seenOrder('T-1')).toBe(false);
    state.recordOrder('T-1');
    expect([state.seenOrder('T-1'), state.seenOrder('T-2')]).toEqual([true, false]);
    expect(state.snapshot()).toEqual({ counters: {}, stock: {}, buyers: {} });
  });

  it('rejects a malformed snapshot', () => {
    expect(() => new InMemoryState({ counters: { a: -1 } })).toThrow();
  });
});

describe('InMemoryState merge groups', () => {
  const t = (hhmm: string) => Date.parse(`2026-11-11T${hhmm}:00+08:00`);

  it('finds a group while it is open, and not from its closing time on', () => {
    const state = new InMemoryState();
    state.recordMergeGroup('k', { closesAt: t('12:00'), size: 1 }, t('10:00'));
    expect(state.mergeGroup('k', t('11:59'))).toEqual({ closesAt: t('12:00'), size: 1 });
    expect(state.mergeGroup('k', t('12:00'))).toBeUndefined();
    expect(state.mergeGroup('other', t('11:00'))).toBeUndefined();
  });

  it('snapshots the groups still open after the latest order, and reads them back', () => {
    const state = new InMemoryState();
    state.recordMergeGroup('b', { closesAt: t('12:00'), size: 1 }, t('10:00'));
    state.recordMergeGroup('a', { closesAt: t('13:00'), size: 1 }, t('11:00'));
    state.recordMergeGroup('b', { closesAt: t('12:00'), size: 2 }, t('11:30'));
    expect(JSON.stringify(state.snapshot().merges)).toBe(
      JSON.stringify({
        a: { closesAt: '2026-11-11T05:00:00.000Z', size: 1 },
        b: { closesAt: '2026-11-11T04:00:00.000Z', size: 2 },
      }),
    );
    state.recordMergeGroup('c', { closesAt: t('15:00'), size: 1 }, t('12:30'));
    expect(Object.keys(state.snapshot().merges ?? {})).toEqual(['a', 'c']);
    const again = new InMemoryState(state.snapshot());
    expect(again.mergeGroup('a', t('12:45'))).toEqual({ closesAt: t('13:00'), size: 1 });
  });

  it('keeps the later state of a group, whatever order they are recorded in', () => {
    const state = new InMemoryState();
    state.recordMergeGroup('k', { closesAt: t('12:00'), size: 3 }, t('10:30'));
    state.recordMergeGroup('k', { closesAt: t('12:00'), size: 2 }, t('10:20'));
    expect(state.mergeGroup('k', t('11:00'))?.size).toBe(3);
  });

  it('forgets closed groups as the orders move on, so memory does not grow with the history', () => {
    const state = new InMemoryState();
    for (let i = 0; i < 20_000; i++) state.recordMergeGroup(`k${i}`, { closesAt: i + 10, size: 1 }, i);
    expect(Object.keys(state.snapshot().merges ?? {})).toHaveLength(10);
    expect(state.mergeGroup('k19995', 19_996)).toEqual({ closesAt: 20_005, size: 1 });
    // The price: an order arriving long after later-paid ones no longer finds a group swept out.
    expect(state.mergeGroup('k5', 6)).toBeUndefined();
  });
});
