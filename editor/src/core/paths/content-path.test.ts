import { describe, expect, it } from 'vitest';
import { formatPath, getAt, parsePath, setAt } from './content-path.ts';

describe('content paths', () => {
  it('parses and formats the paths issues carry', () => {
    expect(parsePath('rules[0].when.spend')).toEqual(['rules', 0, 'when', 'spend']);
    expect(formatPath(['rules', 0, 'when', 'spend'])).toBe('rules[0].when.spend');
    expect(parsePath('')).toEqual([]);
  });

  it('sets a value without touching the original and shares untouched branches', () => {
    const data = { a: { b: [1, 2] }, c: { d: 1 } };
    const next = setAt(data, ['a', 'b', 1], 5) as typeof data;
    expect(next.a.b).toEqual([1, 5]);
    expect(data.a.b).toEqual([1, 2]);
    expect(next.c).toBe(data.c);
    expect(getAt(next, ['a', 'b', 1])).toBe(5);
  });

  it('makes missing containers and deletes keys set to undefined', () => {
    expect(setAt(undefined, ['x', 0, 'y'], 1)).toEqual({ x: [{ y: 1 }] });
    expect(setAt({ x: 1, y: 2 }, ['x'], undefined)).toEqual({ y: 2 });
  });
});
