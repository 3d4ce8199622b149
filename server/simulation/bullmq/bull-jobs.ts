import type { ConnectionOptions } from 'bullmq';
import type { JobOutcome } from '../../../simulate/jobs/job-thread.ts';
import type { JobWork } from '../job-runner.ts';
import type { QueuedJob } from '../simulation-queue.ts';

/** What the control server and every `ordergraph worker` agree on: the queue, its jobs and events. */
export const QUEUE_NAME = 'ordergraph-simulations';

/** A custom queue event (`QueueEventsProducer`): stop this job wherever it runs. */
export const CANCEL_EVENT = 'ordergraph-cancel';

export interface SimulationJobData extends QueuedJob {
  /** Paths in it are the control server's: workers see DATA_DIR at the same path (a shared volume). */
  work: JobWork;
  /** Set by a cancel: a worker that takes the job after (a lost worker's, requeued) ends it at once. */
  cancelled?: boolean;
}

/** A worker's answer: the job thread's outcome; a report's files are on the shared volume. */
export type SimulationJobResult = JobOutcome;

/** BullMQ's own ioredis reconnects by itself; `null` lets its blocking commands wait through a reconnect. */
export const connectionOf = (url: string): ConnectionOptions => ({ url, maxRetriesPerRequest: null });

/** One BullMQ job per simulation, so a second add of the same job is a no-op and events name it. */
export const jobIdOf = (job: QueuedJob): string =>
  // Ids may hold ":", which BullMQ refuses in job ids; the encoding has no ":" nor "/".
  `${encodeURIComponent(job.clientId)}/${job.simulationId}`;

export function queuedOf(jobId: string): QueuedJob | undefined {
  const at = jobId.indexOf('/');
  if (at < 0) return undefined;
  return { clientId: decodeURIComponent(jobId.slice(0, at)), simulationId: jobId.slice(at + 1) };
}
