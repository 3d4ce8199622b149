import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { type Job, QueueEvents, type QueueEventsListener, WaitingError, Worker } from 'bullmq';
import type { Logger } from '../../logger.ts';
import type { JobRunner, TaskRun } from '../job-runner.ts';
import { runAfter } from '../run-after.ts';
import {
  CANCEL_EVENT,
  connectionOf,
  QUEUE_NAME,
  type SimulationJobData,
  type SimulationJobResult,
} from './bull-jobs.ts';

/** The control server's cancel, as `QueueEvents` hands it over. */
interface CancelListener extends QueueEventsListener {
  [CANCEL_EVENT]: (args: { jobId: string }) => void;
}

/** A cancel that arrives before its job's thread starts is kept this long for it. */
const EARLY_CANCEL_MS = 60_000;

export interface SimulationWorkerOptions {
  redisUrl: string;
  /** Runs a job's task here: job threads, with this process's plugin pipeline. */
  runner: JobRunner;
  /** Threads a job reads its history with on this machine (SIMULATION_WORKERS); default: its cores. */
  workers: number | undefined;
  logger: Logger;
}

export interface SimulationWorker {
  /** Stops taking jobs; a job running here goes back to the queue for another worker, from the start. */
  close(): Promise<void>;
}

/**
 * Takes simulation jobs off the BullMQ queue and runs them, one at a time (each uses every core),
 * reporting progress to the job and returning its outcome; the control server records both. The
 * report files are written under the job's scratch folder, which the control server reads them from.
 */
export async function startSimulationWorker(options: SimulationWorkerOptions): Promise<SimulationWorker> {
  const connection = connectionOf(options.redisUrl);
  const running = new Map<string, TaskRun>();
  const earlyCancels = new Set<string>();
  let closing = false;

  const events = new QueueEvents(QUEUE_NAME, { connection });
  events.on<CancelListener>(CANCEL_EVENT, ({ jobId }: { jobId: string }) => {
    const run = running.get(jobId);
    if (run) {
      void run.cancel();
      return;
    }
    earlyCancels.add(jobId);
    setTimeout(() => earlyCancels.delete(jobId), EARLY_CANCEL_MS).unref();
  });
  events.on('error', (error) => options.logger.warn('simulation queue events', { error: error.message }));

  /** Back to the queue, for another worker or this one's next start, from the beginning. */
  const handBack = async (
    job: Job<SimulationJobData, SimulationJobResult>,
    token?: string,
  ): Promise<never> => {
    await job.moveToWait(token);
    throw new WaitingError();
  };

  const take = async (
    job: Job<SimulationJobData, SimulationJobResult>,
    token?: string,
  ): Promise<SimulationJobResult> => {
    const id = job.id ?? '';
    // Taken while the worker stops (fetched just before its pause): not started only to be stopped.
    if (closing) return handBack(job, token);
    if (job.data.cancelled || earlyCancels.has(id)) return { type: 'cancelled' };
    const { task } = job.data.work;
    // Held in `running` from here, before its folder is made: a stop or a cancel that came while the
    // folder was made found nothing to stop, and the job ran to its end (the stop waiting for it).
    const run = runAfter(
      // Each attempt in a folder of its own: a requeued job never reads a lost attempt's sorted runs.
      mkdtemp(join(task.workDir, 'run-')),
      (workDir) => {
        // The thread count is this machine's, not the control server's.
        const { workers: _controlServers, ...rest } = task;
        const work = {
          ...job.data.work,
          task: { ...rest, workDir, ...(options.workers ? { workers: options.workers } : {}) },
        };
        return options.runner(work, (progress) => {
          job.updateProgress(progress).catch(() => undefined);
        });
      },
    );
    running.set(id, run);
    try {
      const outcome = await run.outcome;
      if (closing && outcome.type === 'cancelled') return handBack(job, token);
      return outcome;
    } finally {
      running.delete(id);
    }
  };

  // Each job's whole turn (run, then handed back or returned), so a stop can wait for the hand-backs.
  const turns = new Set<Promise<unknown>>();
  const runTurn = (job: Job<SimulationJobData, SimulationJobResult>, token?: string) => {
    const turn = take(job, token);
    turns.add(turn);
    const done = () => turns.delete(turn);
    turn.then(done, done);
    return turn;
  };

  const worker = new Worker<SimulationJobData, SimulationJobResult>(QUEUE_NAME, runTurn, {
    connection,
    concurrency: 1,
    autorun: false,
  });
  worker.on('error', (error) => options.logger.warn('simulation worker', { error: error.message }));
  await Promise.all([events.waitUntilReady(), worker.waitUntilReady()]);
  worker
    .run()
    .catch((error: Error) => options.logger.error('simulation worker stopped', { error: error.message }));

  return {
    close: async () => {
      closing = true;
      // Paused first, so the worker fetches no job (not even the one it hands back) once its own stops.
      await worker.pause(true);
      await Promise.all([...running.values()].map((run) => run.cancel()));
      await Promise.allSettled([...turns]);
      // Forced: nothing runs any more, and a graceful close waits on the blocking fetch, which a Redis
      // restart can leave hanging for good.
      await worker.close(true);
      await events.close();
    },
  };
}
