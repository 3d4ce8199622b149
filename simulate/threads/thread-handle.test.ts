import { describe, expect, it } from 'vitest';
import type { DecideReply, DecideRequest, DecideWorkerData } from './messages.ts';
import { ThreadHandle } from './thread-handle.ts';

const DEMO = new URL('../../samples/clients/demo/strategies', import.meta.url).pathname;

describe('a worker thread out of heap', () => {
  it('fails the run with what does not fit, not a crash', async () => {
    // A snapshot of 400,000 counters cannot fit a 16 MB heap.
    const counters = Object.fromEntries(Array.from({ length: 400_000 }, (_, i) => [`cap:gift-${i}`, i]));
    const data: DecideWorkerData = {
      role: 'decide',
      strategies: DEMO,
      engine: 'compiled',
      snapshot: { counters },
      decideAfterMinutes: 0,
    };
    const worker = new ThreadHandle<DecideRequest, DecideReply>(data, 16);
    try {
      await expect(worker.failure).rejects.toMatchObject({
        code: 'simulation_out_of_memory',
        message: expect.stringContaining(
          "the decide worker ran out of its 16 MB heap: the strategies' state (the snapshot, open merge groups, counters) does not fit",
        ),
      });
    } finally {
      await worker.stop();
    }
  }, 30_000);
});
