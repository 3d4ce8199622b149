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
