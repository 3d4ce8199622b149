import type { JobOutcome } from '../../simulate/jobs/job-thread.ts';
import type { JobProgress, JobRunner, JobWork, TaskRun } from './job-runner.ts';

/** Which job. */
export interface QueuedJob {
  clientId: string;
  simulationId: string;
}

/**
 * What a queue tells the jobs' owner (the server that records them in the store) as a job runs,
 * wherever it runs: in this process, or on an `ordergraph worker` elsewhere.
 */
export interface JobReporter {
  /**
   * The job began (or began again, after its worker was lost); `resumed`: it was already running
   * when this server started, and goes on. False when it is no longer wanted.
   */
  started(job: QueuedJob, resumed?: boolean): Promise<boolean>;
  progress(job: QueuedJob, progress: JobProgress): void;
  /** The job went back to waiting (its worker stopped): queued again, to start over. */
  requeued(job: QueuedJob): Promise<void>;
  /** Its end, recorded; `work` names the scratch space to remove after. */
  finished(job: QueuedJob, work: JobWork, outcome: JobOutcome): Promise<void>;
}

/**
 * Where simulation jobs wait and run: this process's own queue, or BullMQ (issue 17) with workers on
 * other machines taking the jobs.
 */
export interface SimulationQueue {
  /**
   * Jobs the store says a previous server left queued or running: the queue goes on with those it
   * still holds, reports the ends of those that ended meanwhile, and answers the ones it does not
   * know (lost: the caller marks them interrupted).
   */
  adopt(unfinished: readonly QueuedJob[]): Promise<QueuedJob[]>;
  enqueue(job: QueuedJob, work: JobWork): Promise<void>;
  /**
   * Ends a waiting or running job as cancelled and waits until its end is reported; false when the
   * queue holds no such job.
   */
  cancel(job: QueuedJob): Promise<boolean>;
  /** Stops taking jobs and lets go of the ones it holds (this process's queue ends them; BullMQ keeps them). */
  close(): Promise<void>;
}

interface Entry {
  job: QueuedJob;
  work: JobWork;
  run?: TaskRun;
  cancelled?: boolean;
  done?: Promise<void>;
}

/**
 * Jobs in arrival order, `concurrency` at a time. Each simulation already uses every core (worker
 * threads), so running jobs side by side would only slow each down and double the memory.
 */
export class InProcessQueue implements SimulationQueue {
  private readonly waiting: Entry[] = [];
  private readonly running = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly reporter: JobReporter,
    private readonly runner: JobRunner,
    private readonly concurrency = 1,
  ) {}

  /** It starts empty: whatever a stopped server left cannot go on. */
  async adopt(unfinished: readonly QueuedJob[]): Promise<QueuedJob[]> {
    return [...unfinished];
  }

  async enqueue(job: QueuedJob, work: JobWork): Promise<void> {
    if (this.closed) return;
    this.waiting.push({ job, work });
    this.next();
  }

  async cancel(job: QueuedJob): Promise<boolean> {
    const at = this.waiting.findIndex((e) => key(e.job) === key(job));
    if (at >= 0) {
      const [entry] = this.waiting.splice(at, 1);
      await this.reporter.finished(job, entry!.work, { type: 'cancelled' });
      return true;
    }
    const running = this.running.get(key(job));
    if (!running) return false;
    await stop(running);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    const waiting = this.waiting.splice(0);
    for (const { job, work } of waiting) await this.reporter.finished(job, work, { type: 'cancelled' });
    await Promise.all([...this.running.values()].map(stop));
  }

  private next(): void {
    while (!this.closed && this.running.size < this.concurrency && this.waiting.length > 0) {
      const entry = this.waiting.shift()!;
      this.running.set(key(entry.job), entry);
      entry.done = this.execute(entry).finally(() => {
        this.running.delete(key(entry.job));
        this.next();
      });
    }
  }

  private async execute(entry: Entry): Promise<void> {
    const { job, work } = entry;
    // Not wanted any more, or cancelled while its start was being recorded: no thread at all.
    if (!(await this.reporter.started(job)) || entry.cancelled) {
      return this.reporter.finished(job, work, { type: 'cancelled' });
    }
    entry.run = this.runner(work, (p) => this.reporter.progress(job, p));
    await this.reporter.finished(job, work, await entry.run.outcome);
  }
}

/** Stops a running entry and waits until its end is recorded. */
async function stop(entry: Entry): Promise<void> {
  entry.cancelled = true;
  await entry.run?.cancel();
  await entry.done;
}

const key = (job: QueuedJob) => `${job.clientId}/${job.simulationId}`;
