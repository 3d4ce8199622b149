import type { PrepareBatch } from '../threads/messages.ts';

/**
 * The batches each prepare worker holds, oldest first: a worker prepares its batches in the order
 * sent and replies once for each. A batch sent goes to the worker holding fewest; one done goes to
 * `recycle` (a source that reuses its memory), and is let go whether or not the source does.
 */
export class WorkerQueues {
  private readonly queues: PrepareBatch[][];

  constructor(
    workers: number,
    private readonly recycle: (batch: PrepareBatch) => void,
  ) {
    this.queues = Array.from({ length: workers }, () => []);
  }

  /** Queues `batch` on the worker holding fewest (the first of equals) and says which. */
  send(batch: PrepareBatch): number {
    let best = 0;
    for (let w = 1; w < this.queues.length; w++) {
      if (this.queues[w]!.length < this.queues[best]!.length) best = w;
    }
    this.queues[best]!.push(batch);
    return best;
  }

  /** Worker `w` has prepared its oldest batch. */
  done(w: number): void {
    const batch = this.queues[w]!.shift();
    if (batch) this.recycle(batch);
  }

  held(w: number): number {
    return this.queues[w]!.length;
  }
}
