import { describe, expect, it } from 'vitest';
import { decideHeapMb } from './decider-heap.ts';

describe('decider heap', () => {
  it('grows the cap with the snapshot, four bytes of heap a character', () => {
    expect(decideHeapMb(0)).toBe(384);
    expect(decideHeapMb(2 ** 20)).toBe(388);
  });
});
