/** A job as the queue sees it: which job, and how to run it once its turn comes. */
export interface QueuedJob {
  clientId: string;
  simulationId: string;
}

/** A job that started: it ends on its own (`done`), or when cancelled. */
export interface RunningJob {
  readonly done: Promise<void>;
  cancel(): Promise<void>;
}

/**
 * Where simulation jobs wait and run. One queue per server, in this process, today; issue 17 puts
 * a BullMQ queue behind the same interface, with workers on other machines taking the jobs.
 */
export interface SimulationQueue {
  enqueue(job: QueuedJob): void;
  /** Takes a waiting job out, or stops a running one and waits for it to end; false when the job is neither. */
  cancel(job: QueuedJob): Promise<boolean>;
  /** Stops taking jobs, cancels the running ones and waits for them to end. */
  close(): Promise<void>;
}

/**
 * Jobs in arrival order, `concurrency` at a time. Each simulation already uses every core (worker
 * threads), so running jobs side by side would only slow each down and double the memory.
 */
export class InProcessQueue implements SimulationQueue {
  private readonly waiting: QueuedJob[] = [];
  private readonly running = new Map<string, RunningJob>();
  private closed = false;

  constructor(
    private readonly start: (job: QueuedJob) => RunningJob,
    private readonly concurrency = 1,
  ) {}

  enqueue(job: QueuedJob): void {
    if (this.closed) return;
    this.waiting.push(job);
    this.next();
  }

  async cancel(job: QueuedJob): Promise<boolean> {
    const at = this.waiting.findIndex((j) => key(j) === key(job));
    if (at >= 0) {
      this.waiting.splice(at, 1);
      return true;
    }
    const running = this.running.get(key(job));
    if (!running) return false;
    await running.cancel();
    // Ended, its status written: the caller reads it back as cancelled.
    await running.done;
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    const running = [...this.running.values()];
    await Promise.all(running.map((r) => r.cancel()));
    await Promise.all(running.map((r) => r.done));
  }

  private next(): void {
    while (!this.closed && this.running.size < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const run = this.start(job);
      this.running.set(key(job), run);
      void run.done.finally(() => {
        this.running.delete(key(job));
        this.next();
      });
    }
  }
}

const key = (job: QueuedJob) => `${job.clientId}/${job.simulationId}`;
