import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationInput, SimulationJob } from '../../api/schemas/simulations.ts';
import { adapterPlatform } from '../../engine/order/adapters/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import type { SimulateTask } from '../../simulate/jobs/messages.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { writeJobState, writeJobStrategies } from './job-inputs.ts';
import { interrupted, JobRecorder } from './job-recorder.ts';
import { type JobRunner, type JobWork, type PluginPipeline, threadRunner } from './job-runner.ts';
import { InProcessQueue, type JobReporter, type SimulationQueue } from './simulation-queue.ts';

/** Seeds plugins' Math.random in every job: the same history and strategies replay the same. */
const PLUGIN_SEED = 1;

export interface SimulationJobsOptions {
  store: Store;
  logger: Logger;
  /** Where jobs keep their sorted runs and decision logs while they run. */
  scratchDir: string;
  /** Threads a job reads its history with. */
  workers: number | undefined;
  /** The client's live counters, stock and buyers, for `state: "live"`. */
  liveState: (clientId: string) => Promise<StateSnapshot>;
  /**
   * The pipeline a job's decide threads run when its strategies call plugins (the client's builds,
   * deterministic mode), from the composition root; without it such a job is refused (422).
   */
  pluginPipeline?: PluginPipeline;
  /** Another queue than this process's own (issue 17: BullMQ), reporting to `reporter`. */
  queue?: (reporter: JobReporter, runner: JobRunner) => Promise<SimulationQueue>;
}

/**
 * Simulation jobs: checked and prepared on the request (a bad history or candidate is a 4xx before
 * anything is queued), run off the request path in a job thread (here, or on a BullMQ worker),
 * followed through the queue's reports, and finished with the report files in the store before the
 * job says `done`.
 */
export class SimulationJobs {
  private constructor(
    private readonly options: SimulationJobsOptions,
    private readonly queue: SimulationQueue,
    private readonly recorder: JobRecorder,
  ) {}

  /**
   * Jobs a stopped server left queued or running go on when the queue still holds them (BullMQ);
   * the others cannot, and are marked `failed: interrupted`.
   */
  static async start(options: SimulationJobsOptions): Promise<SimulationJobs> {
    const recorder = new JobRecorder(options.store, options.logger);
    const runner = threadRunner(options.pluginPipeline);
    const queue = options.queue
      ? await options.queue(recorder, runner)
      : new InProcessQueue(recorder, runner);
    const unfinished = await options.store.simulations.listUnfinished();
    const lost = new Set((await queue.adopt(unfinished)).map(key));
    for (const job of unfinished.filter((j) => lost.has(key(j)))) {
      await options.store.simulations.put(interrupted(job));
      options.logger.warn('simulation job interrupted by a restart', {
        clientId: job.clientId,
        simulationId: job.simulationId,
      });
    }
    return new SimulationJobs(options, queue, recorder);
  }

  async create(clientId: string, input: SimulationInput, by: string): Promise<SimulationJob> {
    const { store } = this.options;
    const history = await store.histories.get(clientId, input.historyId);
    if (!history) throw notFound(`history "${input.historyId}" of client "${clientId}"`);
    if (history.status !== 'ready') {
      throw new ApiError(
        409,
        'history_not_ready',
        `history "${input.historyId}" is ${history.status}${history.error ? `: ${history.error}` : ''}`,
      );
    }
    const simulationId = `sim-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const scratch = await mkdtemp(join(this.options.scratchDir, `ordergraph-${simulationId}-`));
    try {
      const strategies = await writeJobStrategies(store, clientId, input, scratch);
      const plugins = await this.pluginsFor(
        clientId,
        strategies.pluginStrategies,
        strategies.baselineRelease,
      );
      const state = await writeJobState(input.state, () => this.options.liveState(clientId), scratch);
      let mapping: string | undefined;
      if (history.mapping) {
        mapping = join(scratch, 'mapping.json');
        await writeFile(mapping, JSON.stringify(history.mapping));
      }
      const platform = history.platform ? adapterPlatform(history.platform) : undefined;
      const task: SimulateTask = {
        role: 'simulate',
        strategies: strategies.candidateDir,
        ...(strategies.baselineDir ? { baseline: strategies.baselineDir } : {}),
        orders: await store.histories.localFile(clientId, history.historyId, scratch),
        ...(mapping ? { mapping } : {}),
        ...(platform ? { platform } : {}),
        ...(state ? { state } : {}),
        ...(input.limit ? { limit: input.limit } : {}),
        ...(this.options.workers ? { workers: this.options.workers } : {}),
        decideAfterMinutes: input.decideAfterMinutes,
        workDir: scratch,
        labels: {
          orders: history.name,
          mapping: history.mappingId,
          strategies: strategies.labels.strategies,
          baseline: strategies.labels.baseline,
          state: input.state === 'empty' ? null : input.state === 'live' ? 'live state' : 'snapshot',
        },
      };
      const job = await store.simulations.put({
        clientId,
        simulationId,
        historyId: history.historyId,
        request: input,
        baselineRelease: strategies.baselineRelease,
        status: 'queued',
        phase: 'queued',
        progress: 0,
        ordersDone: 0,
        etaSeconds: null,
        createdAt: new Date().toISOString(),
        createdBy: by,
        startedAt: null,
        finishedAt: null,
        summary: null,
      });
      const work: JobWork = { task, ...(plugins ? { plugins } : {}) };
      try {
        await this.queue.enqueue({ clientId, simulationId }, work);
      } catch (error) {
        // Never queued (Redis refused it): no worker will ever report on it.
        await store.simulations.put({
          ...job,
          status: 'failed',
          error: `not queued: ${(error as Error).message}`,
          finishedAt: new Date().toISOString(),
        });
        throw error;
      }
      return job;
    } catch (error) {
      await rm(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  /** The client's plugin builds, when its strategies call them: the job's runner runs them. */
  private async pluginsFor(
    clientId: string,
    pluginStrategies: readonly string[],
    release: number,
  ): Promise<JobWork['plugins']> {
    if (pluginStrategies.length === 0) return undefined;
    const { pluginPipeline, store } = this.options;
    if (!pluginPipeline) {
      throw new ApiError(
        422,
        'plugins_not_simulated',
        `${pluginStrategies.join(', ')} call plugins, and this server runs none; simulate a release without them (baseline: {"release": n}; release ${release} has them)`,
        { strategies: pluginStrategies },
      );
    }
    const summaries = await store.plugins.list(clientId);
    const builds: BuiltPlugin[] = [];
    for (const { pluginId, version } of summaries) {
      const record = await store.plugins.get(clientId, pluginId, version);
      if (record) builds.push({ formatVersion: 1, manifest: record.manifest, code: record.code });
    }
    return { builds, seed: PLUGIN_SEED };
  }

  /** The job as it is now: from memory while it runs, else from the store. */
  async get(clientId: string, simulationId: string): Promise<SimulationJob | undefined> {
    return (
      this.recorder.current({ clientId, simulationId }) ??
      (await this.options.store.simulations.get(clientId, simulationId))
    );
  }

  async cancel(clientId: string, simulationId: string): Promise<SimulationJob> {
    const job = await this.get(clientId, simulationId);
    if (!job) throw notFound(`simulation "${simulationId}" of client "${clientId}"`);
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new ApiError(
        409,
        'not_running',
        `simulation "${simulationId}" is ${job.status}: there is nothing to cancel`,
      );
    }
    const { simulations } = this.options.store;
    if (!(await this.queue.cancel({ clientId, simulationId }))) {
      const now = (await simulations.get(clientId, simulationId)) ?? job;
      // It ended meanwhile; or, still unfinished but unknown to the queue (a Redis that lost it), nothing runs it.
      if (now.status !== 'queued' && now.status !== 'running') return now;
      return simulations.put({
        ...now,
        status: 'cancelled',
        phase: 'cancelled',
        etaSeconds: null,
        finishedAt: new Date().toISOString(),
      });
    }
    return (await simulations.get(clientId, simulationId)) ?? job;
  }

  /** This process's queue ends its jobs as `failed: interrupted`; BullMQ keeps them for the next start. */
  async close(): Promise<void> {
    this.recorder.closing = true;
    await this.queue.close();
  }
}

const key = (job: { clientId: string; simulationId: string }) => `${job.clientId}/${job.simulationId}`;
