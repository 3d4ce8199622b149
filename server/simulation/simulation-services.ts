import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { BullQueue } from './bullmq/bull-queue.ts';
import { type SimulationWorker, startSimulationWorker } from './bullmq/simulation-worker.ts';
import { HistoryUploads } from './history-uploads.ts';
import { type PluginPipeline, threadRunner } from './job-runner.ts';
import { SimulationJobs } from './simulation-jobs.ts';

/** Simulation as a service, as the routes use it: history uploads and simulation jobs. */
export interface SimulationServices {
  readonly uploads: HistoryUploads;
  readonly jobs: SimulationJobs;
  /** Ends this process's jobs as interrupted (BullMQ's go on); before the store closes. */
  close(): Promise<void>;
}

/**
 * Without REDIS_URL, jobs wait and run in this process. With it, they wait in BullMQ and run on
 * `ordergraph worker` processes (and on this server, unless SIMULATION_WORKER=off); a job's inputs
 * and reports then sit under DATA_DIR, which every worker sees at the same path (a shared volume).
 */
export async function startSimulationServices(
  store: Store,
  logger: Logger,
  config: Pick<ServerConfig, 'simulations' | 'redisUrl' | 'dataDir'>,
  /** Runs a client's plugins in a job's decide threads (see `SimulationJobsOptions.pluginPipeline`). */
  pluginPipeline?: PluginPipeline,
): Promise<SimulationServices> {
  const { redisUrl, simulations } = config;
  const jobScratch = redisUrl ? join(config.dataDir, 'simulation-scratch') : tmpdir();
  await mkdir(jobScratch, { recursive: true });
  const jobs = await SimulationJobs.start({
    store,
    logger,
    scratchDir: jobScratch,
    workers: simulations.workers,
    ...(pluginPipeline ? { pluginPipeline } : {}),
    ...(redisUrl ? { queue: (reporter) => BullQueue.open(redisUrl, reporter, logger) } : {}),
    // The state as the store has it: every decision's consumption is durable before its answer.
    liveState: async (clientId) => (await store.state.load(clientId)).snapshot,
  });
  let worker: SimulationWorker | undefined;
  if (redisUrl && simulations.worker !== false) {
    try {
      worker = await startSimulationWorker({
        redisUrl,
        runner: threadRunner(pluginPipeline),
        workers: simulations.workers,
        logger,
      });
    } catch (error) {
      await jobs.close();
      throw error;
    }
  }
  await failInterruptedReads(store, logger);
  const uploads = new HistoryUploads({
    store,
    logger,
    maxBytes: simulations.maxHistoryBytes,
    syncReadBytes: simulations.syncReadBytes,
    scratchDir: tmpdir(),
  });
  return {
    uploads,
    jobs,
    close: async () => {
      // This server's worker first: the job it runs goes back to the queue, to go on after a restart.
      await worker?.close();
      await Promise.all([jobs.close(), uploads.close()]);
    },
  };
}

/** Histories a stopped server was still reading cannot be simulated: failed, to upload again. */
async function failInterruptedReads(store: Store, logger: Logger): Promise<void> {
  for (const { clientId } of await store.clients.list()) {
    for (const history of await store.histories.list(clientId)) {
      if (history.status !== 'reading') continue;
      await store.histories.put({
        ...history,
        status: 'failed',
        error: 'interrupted: the server stopped while reading it; upload it again',
      });
      logger.warn('history read interrupted by a restart', { clientId, historyId: history.historyId });
    }
  }
}
