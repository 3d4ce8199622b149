import { describe, expect, it } from 'vitest';
import { decideHeapMb } from './decider-heap.ts';

describe('decider heap', () => {
  it('grows the cap with the orders and the snapshot', () => {
    expect(decideHeapMb(0, 0)).toBe(384);
    expect(decideHeapMb(1_000_000, 0)).toBe(384 + Math.ceil(300_000_000 / 2 ** 20));
    expect(decideHeapMb(0, 2 ** 20)).toBe(388);
  });
});
