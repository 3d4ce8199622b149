import { tmpdir } from 'node:os';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import type { PipelineFactorySpec } from '../../simulate/threads/messages.ts';
import type { SimulationConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { HistoryUploads } from './history-uploads.ts';
import { SimulationJobs } from './simulation-jobs.ts';

/** Simulation as a service, as the routes use it: history uploads and simulation jobs. */
export interface SimulationServices {
  readonly uploads: HistoryUploads;
  readonly jobs: SimulationJobs;
  /** Ends running jobs as interrupted; before the store closes. */
  close(): Promise<void>;
}

export async function startSimulationServices(
  store: Store,
  logger: Logger,
  config: SimulationConfig,
  /** Runs a client's plugins in a job's decide threads (see `SimulationJobsOptions.pluginPipeline`). */
  pluginPipeline?: (builds: readonly BuiltPlugin[], seed: number) => PipelineFactorySpec,
): Promise<SimulationServices> {
  const scratchDir = tmpdir();
  const jobs = await SimulationJobs.start({
    store,
    logger,
    scratchDir,
    workers: config.workers,
    ...(pluginPipeline ? { pluginPipeline } : {}),
    // The state as the store has it: every decision's consumption is durable before its answer.
    liveState: async (clientId) => (await store.state.load(clientId)).snapshot,
  });
  await failInterruptedReads(store, logger);
  const uploads = new HistoryUploads({
    store,
    logger,
    maxBytes: config.maxHistoryBytes,
    syncReadBytes: config.syncReadBytes,
    scratchDir,
  });
  return {
    uploads,
    jobs,
    close: async () => {
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
