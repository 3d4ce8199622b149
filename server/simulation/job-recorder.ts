import { rm } from 'node:fs/promises';
import type { SimulationJob } from '../../api/schemas/simulations.ts';
import type { JobOutcome } from '../../simulate/jobs/job-thread.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { withProgress } from './job-progress.ts';
import type { JobProgress, JobWork } from './job-runner.ts';
import type { JobReporter, QueuedJob } from './simulation-queue.ts';

/** A running job's status is written to the store at most this often (GET reads it from memory meanwhile). */
const PERSIST_EVERY_MS = 1000;

const UNFINISHED = new Set<SimulationJob['status']>(['queued', 'running']);

interface Following {
  job: SimulationJob;
  writes: Promise<unknown>;
  lastWrite: number;
}

/**
 * Records jobs in the store as their queue reports them: the only writer of job records, so the
 * server that owns the store stays its one writer wherever jobs run. A job's results are stored
 * before it says `done`, so a done job always has its report.
 */
export class JobRecorder implements JobReporter {
  /** Jobs running now, fresher than the store (progress is written once a second). */
  private readonly live = new Map<string, Following>();
  /** Set while this server stops: a job its own queue cancels then was interrupted, not cancelled. */
  closing = false;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** The job as it is now, when it runs. */
  current(job: QueuedJob): SimulationJob | undefined {
    return this.live.get(key(job))?.job;
  }

  async started(queued: QueuedJob, resumed = false): Promise<boolean> {
    try {
      const stored = await this.store.simulations.get(queued.clientId, queued.simulationId);
      if (!stored || !UNFINISHED.has(stored.status)) return false;
      // A job already running when this server started goes on; one that starts (again) starts over.
      const job: SimulationJob =
        resumed && stored.status === 'running'
          ? stored
          : {
              ...stored,
              status: 'running',
              phase: 'reading',
              progress: 0,
              ordersDone: 0,
              etaSeconds: null,
              startedAt: new Date().toISOString(),
            };
      const following = { job, writes: this.store.simulations.put(job), lastWrite: Date.now() };
      this.live.set(key(queued), following);
      await following.writes;
      return true;
    } catch (error) {
      this.logger.error('could not record a simulation job start', { ...queued, error: errorText(error) });
      return false;
    }
  }

  progress(queued: QueuedJob, p: JobProgress): void {
    const following = this.live.get(key(queued));
    if (!following) return;
    following.job = withProgress(following.job, p.phase, p.progress, p.orders);
    if (Date.now() - following.lastWrite < PERSIST_EVERY_MS) return;
    following.lastWrite = Date.now();
    const snapshot = following.job;
    following.writes = following.writes.then(() => this.store.simulations.put(snapshot));
  }

  async requeued(queued: QueuedJob): Promise<void> {
    const following = this.live.get(key(queued));
    this.live.delete(key(queued));
    try {
      await following?.writes;
      const stored = await this.store.simulations.get(queued.clientId, queued.simulationId);
      if (stored?.status !== 'running') return;
      await this.store.simulations.put({
        ...stored,
        status: 'queued',
        phase: 'queued',
        progress: 0,
        ordersDone: 0,
        etaSeconds: null,
        startedAt: null,
      });
    } catch (error) {
      this.logger.error('could not record a simulation job requeued', { ...queued, error: errorText(error) });
    }
  }

  async finished(queued: QueuedJob, work: JobWork, outcome: JobOutcome): Promise<void> {
    const following = this.live.get(key(queued));
    try {
      await following?.writes;
      const job = following?.job ?? (await this.store.simulations.get(queued.clientId, queued.simulationId));
      // Reported twice (a queue event and a restart's look at the queue): recorded once.
      if (job && UNFINISHED.has(job.status)) await this.record(job, outcome);
    } catch (error) {
      this.logger.error('could not record a simulation job end', { ...queued, error: errorText(error) });
    } finally {
      this.live.delete(key(queued));
      await rm(work.task.workDir, { recursive: true, force: true });
    }
  }

  private async record(job: SimulationJob, outcome: JobOutcome): Promise<void> {
    const { simulations } = this.store;
    const end = { etaSeconds: null, finishedAt: new Date().toISOString() };
    if (outcome.type === 'simulated') {
      await simulations.putResults(job.clientId, job.simulationId, outcome);
      await simulations.put({
        ...job,
        ...end,
        status: 'done',
        phase: 'finished',
        progress: 1,
        ordersDone: outcome.summary.orders,
        summary: outcome.summary,
      });
    } else if (outcome.type === 'cancelled') {
      await simulations.put(
        this.closing ? interrupted(job) : { ...job, ...end, status: 'cancelled', phase: 'cancelled' },
      );
    } else {
      const error =
        outcome.type === 'refused'
          ? `${outcome.code}: ${outcome.message}`
          : outcome.type === 'failed'
            ? outcome.message
            : 'unexpected reply';
      await simulations.put({ ...job, ...end, status: 'failed', error });
    }
  }
}

export function interrupted(job: SimulationJob): SimulationJob {
  return {
    ...job,
    status: 'failed',
    error: 'interrupted: the server stopped while the job was queued or running; start it again',
    etaSeconds: null,
    finishedAt: new Date().toISOString(),
  };
}

const key = (job: QueuedJob) => `${job.clientId}/${job.simulationId}`;
const errorText = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
