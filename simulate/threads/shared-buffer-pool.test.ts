import { describe, expect, it } from 'vitest';
import { SharedBufferPool } from './shared-buffer-pool.ts';

describe('SharedBufferPool', () => {
  it('gives shared buffers of at least the size asked, reusing what was given back when it is big enough', () => {
    const pool = new SharedBufferPool(1024);
    const first = pool.take();
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(first.length).toBe(1024);
    pool.give(first.subarray(10, 20));
    const again = pool.take(512);
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(1024);

    pool.give(again);
    const bigger = pool.take(4096);
    expect(bigger.length).toBe(4096);
    expect(bigger.buffer).not.toBe(first.buffer);
  });

  it('keeps only shared memory: a copy in memory of its own is not handed out again', () => {
    const pool = new SharedBufferPool(16);
    pool.give(new Uint8Array(16));
    expect(pool.take().buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
