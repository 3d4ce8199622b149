import { describe, expect, it } from 'vitest';
import type { PrepareBatch } from '../threads/messages.ts';
import { WorkerQueues } from './worker-queues.ts';

const batch = (firstLine: number): PrepareBatch => ({ kind: 'ndjson', bytes: new Uint8Array(1), firstLine });

describe('WorkerQueues', () => {
  it('sends each batch to the worker holding fewest, counting only batches not yet done', () => {
    const queues = new WorkerQueues(2, () => undefined);
    expect([1, 2, 3].map((line) => queues.send(batch(line)))).toEqual([0, 1, 0]);
    queues.done(0);
    queues.done(0);
    expect([queues.held(0), queues.held(1)]).toEqual([0, 1]);
    expect(queues.send(batch(4))).toBe(0);
    expect(queues.send(batch(5))).toBe(0);
    expect(queues.send(batch(6))).toBe(1);
  });

  it('hands each worker its batches back oldest first, and lets them go for a source that keeps none', () => {
    const recycled: number[] = [];
    const queues = new WorkerQueues(2, (b) => recycled.push(b.kind === 'ndjson' ? b.firstLine : -1));
    for (const line of [1, 2, 3, 4]) queues.send(batch(line));
    queues.done(1);
    queues.done(0);
    queues.done(0);
    expect(recycled).toEqual([2, 1, 3]);
    expect([queues.held(0), queues.held(1)]).toEqual([0, 1]);
  });
});
