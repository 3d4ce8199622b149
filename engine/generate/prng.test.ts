import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

const draws = (prng: Prng, n: number) => Array.from({ length: n }, () => prng.next());

describe('Prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(Prng.fromSeed('42'), 5)).toEqual(draws(Prng.fromSeed('42'), 5));
    expect(draws(Prng.fromSeed('42'), 5)).not.toEqual(draws(Prng.fromSeed('43'), 5));
  });

  it('forks the same stream for a key however much of the parent has been used', () => {
    const fresh = Prng.fromSeed('s');
    const used = Prng.fromSeed('s');
    draws(used, 100);
    expect(draws(used.fork(7), 5)).toEqual(draws(fresh.fork(7), 5));
    expect(draws(fresh.fork(7), 5)).not.toEqual(draws(fresh.fork(8), 5));
  });

  it('keeps int and between inside their bounds and reaches both ends', () => {
    const prng = Prng.fromSeed('bounds');
    const seen = new Set(Array.from({ length: 2000 }, () => prng.between(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('Weighted', () => {
  it('picks in proportion to the weights and never a zero weight', () => {
    const table = new Weighted([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const prng = Prng.fromSeed('w');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8000; i++) counts[table.pick(prng)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 8000).toBeCloseTo(0.75, 1);
  });
});
