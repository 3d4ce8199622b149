import { describe, expect, it } from 'vitest';
import { COALESCE_MS, createHistory, HISTORY_LIMIT, record, redo, seal, undo } from './history.ts';

describe('history', () => {
  it('undoes and redoes steps in order', () => {
    let h = createHistory(1);
    h = record(h, 2, undefined, 0);
    h = record(h, 3, undefined, 0);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(3);
    expect(redo(h)).toBe(h);
  });

  it('merges quick edits with the same key (typing, one drag) into one step', () => {
    let h = createHistory('');
    h = record(h, 'a', 'name', 0);
    h = record(h, 'ab', 'name', 100);
    h = record(h, 'abc', 'name', 200);
    expect(h.past).toEqual(['']);
    h = record(h, 'abcd', 'name', 200 + COALESCE_MS + 1);
    expect(h.past).toEqual(['', 'abc']);
    h = record(seal(h), 'abcde', 'name', 200 + COALESCE_MS + 2);
    expect(h.past).toEqual(['', 'abc', 'abcd']);
  });

  it('drops the redo branch on a new edit and keeps a bounded past', () => {
    let h = createHistory(0);
    h = record(h, 1, undefined, 0);
    h = record(undo(h), 5, undefined, 0);
    expect(h.future).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = record(h, 100 + i, undefined, 0);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it('ignores a change to the same value', () => {
    const h = createHistory({ a: 1 });
    expect(record(h, h.present)).toBe(h);
  });
});
