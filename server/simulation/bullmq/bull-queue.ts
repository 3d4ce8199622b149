import { type Job, Queue, QueueEvents, QueueEventsProducer } from 'bullmq';
import type { JobOutcome } from '../../../simulate/jobs/job-thread.ts';
import type { Logger } from '../../logger.ts';
import type { JobProgress, JobWork } from '../job-runner.ts';
import type { JobReporter, QueuedJob, SimulationQueue } from '../simulation-queue.ts';
import {
  CANCEL_EVENT,
  connectionOf,
  jobIdOf,
  QUEUE_NAME,
  queuedOf,
  type SimulationJobData,
  type SimulationJobResult,
} from './bull-jobs.ts';

type BullJob = Job<SimulationJobData, SimulationJobResult>;

/**
 * Jobs stay in Redis after they end until this server has recorded them (it then removes them); the
 * age is only a floor for a server gone for good, and must outlast any restart.
 */
const KEEP_ENDED_SECONDS = 7 * 24 * 3600;
/** How long a cancel waits for the worker to stop and the end to be recorded before answering. */
const CANCEL_WAIT_MS = 30_000;

/**
 * The control server's side of BullMQ: it adds jobs, follows them through the queue's events
 * (started, progress, ended) into the store through its reporter, and asks workers to stop a job.
 * Workers (`ordergraph worker`, or this server's own) run them; only this server writes the store.
 */
export class BullQueue implements SimulationQueue {
  /** Each job's reports in order: an end never overtakes its start's store write. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Cancels waiting for a job's end to be recorded. */
  private readonly ends = new Map<string, () => void>();

  private constructor(
    private readonly queue: Queue<SimulationJobData, SimulationJobResult>,
    private readonly events: QueueEvents,
    private readonly producer: QueueEventsProducer,
    private readonly reporter: JobReporter,
    private readonly logger: Logger,
  ) {
    events.on('active', ({ jobId }) => this.report(jobId, (job) => this.reporter.started(job)));
    events.on('waiting', ({ jobId, prev }) => {
      if (prev === 'active') void this.report(jobId, (job) => this.reporter.requeued(job));
    });
    events.on('progress', ({ jobId, data }) =>
      this.report(jobId, async (job) => this.reporter.progress(job, data as JobProgress)),
    );
    events.on('completed', ({ jobId, returnvalue }) =>
      this.report(jobId, (job) => this.end(job, returnvalue as unknown as SimulationJobResult)),
    );
    events.on('failed', ({ jobId, failedReason }) =>
      this.report(jobId, (job) => this.end(job, { type: 'failed', message: failedReason })),
    );
    events.on('error', (error) => logger.warn('simulation queue events', { error: error.message }));
  }

  /** Listens before anything else, so no job's end falls between a restart's look and its events. */
  static async open(redisUrl: string, reporter: JobReporter, logger: Logger): Promise<BullQueue> {
    const connection = connectionOf(redisUrl);
    const queue = new Queue<SimulationJobData, SimulationJobResult>(QUEUE_NAME, {
      connection,
      defaultJobOptions: {
        removeOnComplete: { age: KEEP_ENDED_SECONDS },
        removeOnFail: { age: KEEP_ENDED_SECONDS },
      },
    });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    const producer = new QueueEventsProducer(QUEUE_NAME, { connection });
    try {
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), producer.waitUntilReady()]);
    } catch (error) {
      await Promise.allSettled([queue.close(), events.close(), producer.close()]);
      throw error;
    }
    return new BullQueue(queue, events, producer, reporter, logger);
  }

  async adopt(unfinished: readonly QueuedJob[]): Promise<QueuedJob[]> {
    const lost: QueuedJob[] = [];
    for (const queued of unfinished) {
      const id = jobIdOf(queued);
      const job = await this.queue.getJob(id);
      if (!job) {
        lost.push(queued);
        continue;
      }
      const state = await job.getState();
      if (await this.recordIfEnded(job, state)) continue;
      if (state === 'active') await this.report(id, (q) => this.reporter.started(q, true));
      // Waiting: queued (again, if its worker stopped); a worker takes it, and its start comes as an event.
      else await this.report(id, (q) => this.reporter.requeued(q));
    }
    return lost;
  }

  async enqueue(job: QueuedJob, work: JobWork): Promise<void> {
    const { clientId, simulationId } = job;
    await this.queue.add('simulate', { clientId, simulationId, work }, { jobId: jobIdOf(job) });
  }

  async cancel(queued: QueuedJob): Promise<boolean> {
    const id = jobIdOf(queued);
    const job = await this.queue.getJob(id);
    if (!job) return false;
    const state = await job.getState();
    // Ended already, its end maybe not recorded yet: recorded as it ended (a report is never lost to a cancel).
    if (await this.recordIfEnded(job, state)) return true;
    const ended = new Promise<void>((resolve) => this.ends.set(id, resolve));
    // A job no worker holds is taken out; one a worker holds (locked) is stopped by that worker.
    if (state !== 'active' && (await removed(job))) {
      await this.report(id, (q) => this.reporter.finished(q, job.data.work, { type: 'cancelled' }));
      this.ends.delete(id);
      return true;
    }
    // Marked first: a worker that takes it up later (its worker lost, the job requeued) ends it at once.
    await job.updateData({ ...job.data, cancelled: true });
    await this.producer.publishEvent({ eventName: CANCEL_EVENT, jobId: id });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, CANCEL_WAIT_MS)))]);
    clearTimeout(timer);
    this.ends.delete(id);
    return true;
  }

  /** Jobs stay in Redis, waiting or running on workers: the next start of this server follows them. */
  async close(): Promise<void> {
    await Promise.all([this.events.close(), this.producer.close()]);
    await Promise.all(this.chains.values());
    await this.queue.close();
  }

  /** A job BullMQ says ended: its end recorded (again is harmless: the recorder records once). */
  private async recordIfEnded(job: BullJob, state: string): Promise<boolean> {
    const id = job.id ?? '';
    if (state === 'completed') await this.report(id, (q) => this.end(q, job.returnvalue));
    else if (state === 'failed')
      await this.report(id, (q) => this.end(q, { type: 'failed', message: job.failedReason }));
    else return false;
    return true;
  }

  /** Records a job's end, then lets BullMQ forget it. */
  private async end(queued: QueuedJob, outcome: JobOutcome): Promise<void> {
    const id = jobIdOf(queued);
    const job = await this.queue.getJob(id);
    if (!job) return;
    await this.reporter.finished(queued, job.data.work, outcome);
    await job.remove().catch(() => undefined);
    this.ends.get(id)?.();
  }

  private report(jobId: string, work: (job: QueuedJob) => Promise<unknown>): Promise<void> {
    const queued = queuedOf(jobId);
    if (!queued) return Promise.resolve();
    const next = (this.chains.get(jobId) ?? Promise.resolve())
      .then(() => work(queued))
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.error('simulation job report failed', { jobId, error: (error as Error).message }),
      );
    this.chains.set(jobId, next);
    void next.finally(() => {
      if (this.chains.get(jobId) === next) this.chains.delete(jobId);
    });
    return next;
  }
}

/** Takes a waiting job out, unless a worker took it meanwhile (BullMQ refuses to remove a locked job). */
async function removed(job: BullJob): Promise<boolean> {
  try {
    await job.remove();
    return true;
  } catch {
    return false;
  }
}
