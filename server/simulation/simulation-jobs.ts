import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationInput, SimulationJob } from '../../api/schemas/simulations.ts';
import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import { JobThread } from '../../simulate/jobs/job-thread.ts';
import type { SimulateTask } from '../../simulate/jobs/messages.ts';
import type { PipelineFactorySpec } from '../../simulate/threads/messages.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { writeJobState, writeJobStrategies } from './job-inputs.ts';
import { withProgress } from './job-progress.ts';
import { InProcessQueue, type QueuedJob, type RunningJob, type SimulationQueue } from './simulation-queue.ts';

/** A running job's status is written to the store at most this often (GET reads it from memory meanwhile). */
const PERSIST_EVERY_MS = 1000;
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
  pluginPipeline?: (builds: readonly BuiltPlugin[], seed: number) => PipelineFactorySpec;
  /** Another queue than this process's own (issue 17: BullMQ). */
  queue?: (start: (job: QueuedJob) => RunningJob) => SimulationQueue;
}

interface Prepared {
  task: SimulateTask;
  scratch: string;
}

/**
 * Simulation jobs: checked and prepared on the request (a bad history or candidate is a 4xx before
 * anything is queued), run off the request path in a job thread, followed through progress
 * messages, and finished with the report files in the store before the job says `done`.
 */
export class SimulationJobs {
  private readonly queue: SimulationQueue;
  private readonly prepared = new Map<string, Prepared>();
  /** Jobs running now, fresher than the store (progress is written once a second). */
  private readonly live = new Map<string, SimulationJob>();
  private closing = false;

  private constructor(private readonly options: SimulationJobsOptions) {
    this.queue = (options.queue ?? ((start) => new InProcessQueue(start)))((job) => this.run(job));
  }

  /** Jobs a stopped server left queued or running cannot go on: they are marked `failed: interrupted`. */
  static async start(options: SimulationJobsOptions): Promise<SimulationJobs> {
    for (const job of await options.store.simulations.listUnfinished()) {
      await options.store.simulations.put({
        ...job,
        status: 'failed',
        error: 'interrupted: the server stopped while the job was queued or running; start it again',
        etaSeconds: null,
        finishedAt: new Date().toISOString(),
      });
      options.logger.warn('simulation job interrupted by a restart', {
        clientId: job.clientId,
        simulationId: job.simulationId,
      });
    }
    return new SimulationJobs(options);
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
      const pipeline = await this.pipelineFor(
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
      const task: SimulateTask = {
        role: 'simulate',
        strategies: strategies.candidateDir,
        ...(strategies.baselineDir ? { baseline: strategies.baselineDir } : {}),
        orders: await store.histories.localFile(clientId, history.historyId, scratch),
        ...(mapping ? { mapping } : {}),
        ...(history.platform ? { platform: history.platform as AdapterPlatform } : {}),
        ...(state ? { state } : {}),
        ...(input.limit ? { limit: input.limit } : {}),
        ...(this.options.workers ? { workers: this.options.workers } : {}),
        ...(pipeline ? { pipeline } : {}),
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
      this.prepared.set(key(job), { task, scratch });
      this.queue.enqueue({ clientId, simulationId });
      return job;
    } catch (error) {
      await rm(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  /** A pipeline that runs the client's plugins, when its strategies call them. */
  private async pipelineFor(
    clientId: string,
    pluginStrategies: readonly string[],
    release: number,
  ): Promise<PipelineFactorySpec | undefined> {
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
    return pluginPipeline(builds, PLUGIN_SEED);
  }

  /** The job as it is now: from memory while it runs, else from the store. */
  async get(clientId: string, simulationId: string): Promise<SimulationJob | undefined> {
    return (
      this.live.get(`${clientId}/${simulationId}`) ??
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
    const wasQueued = job.status === 'queued';
    await this.queue.cancel({ clientId, simulationId });
    if (wasQueued) {
      const prepared = this.prepared.get(key(job));
      this.prepared.delete(key(job));
      if (prepared) await rm(prepared.scratch, { recursive: true, force: true });
      return this.options.store.simulations.put({
        ...job,
        status: 'cancelled',
        phase: 'cancelled',
        finishedAt: new Date().toISOString(),
      });
    }
    return (await this.options.store.simulations.get(clientId, simulationId)) ?? job;
  }

  /** Running jobs end as `failed: interrupted` (they cannot resume), queued ones too. */
  async close(): Promise<void> {
    this.closing = true;
    await this.queue.close();
    for (const [k, prepared] of this.prepared) {
      const [clientId, simulationId] = k.split('/') as [string, string];
      const job = await this.options.store.simulations.get(clientId, simulationId);
      if (job?.status === 'queued') await this.options.store.simulations.put(interrupted(job));
      await rm(prepared.scratch, { recursive: true, force: true });
    }
    this.prepared.clear();
  }

  private run(queued: QueuedJob): RunningJob {
    const k = key(queued);
    const prepared = this.prepared.get(k);
    this.prepared.delete(k);
    let thread: JobThread | undefined;
    let cancelled = false;
    const done = prepared
      ? this.follow(queued, prepared, (t) => {
          thread = t;
          return cancelled;
        })
          .catch((error: unknown) =>
            this.options.logger.error('simulation job failed', { ...queued, error: (error as Error).stack }),
          )
          .finally(() => rm(prepared.scratch, { recursive: true, force: true }))
      : Promise.resolve();
    return {
      done,
      cancel: async () => {
        cancelled = true;
        await thread?.cancel();
      },
    };
  }

  private async follow(
    queued: QueuedJob,
    prepared: Prepared,
    started: (thread: JobThread) => boolean,
  ): Promise<void> {
    const { store } = this.options;
    const k = key(queued);
    const stored = await store.simulations.get(queued.clientId, queued.simulationId);
    if (!stored) return;
    let job: SimulationJob = {
      ...stored,
      status: 'running',
      phase: 'reading',
      startedAt: new Date().toISOString(),
    };
    this.live.set(k, job);
    let writes: Promise<unknown> = store.simulations.put(job);
    let lastWrite = Date.now();
    const thread = new JobThread(prepared.task, (p) => {
      job = withProgress(job, p.phase, p.progress, p.orders);
      this.live.set(k, job);
      if (Date.now() - lastWrite >= PERSIST_EVERY_MS) {
        lastWrite = Date.now();
        const snapshot = job;
        writes = writes.then(() => store.simulations.put(snapshot));
      }
    });
    if (started(thread)) await thread.cancel();
    const outcome = await thread.outcome;
    await writes;
    const finishedAt = new Date().toISOString();
    const end = { etaSeconds: null, finishedAt };
    try {
      if (outcome.type === 'simulated') {
        // The results first: a job that says done always has its report.
        await store.simulations.putResults(queued.clientId, queued.simulationId, outcome);
        await store.simulations.put({
          ...job,
          ...end,
          status: 'done',
          phase: 'finished',
          progress: 1,
          ordersDone: outcome.summary.orders,
          summary: outcome.summary,
        });
      } else if (outcome.type === 'cancelled') {
        await store.simulations.put(
          this.closing ? interrupted(job) : { ...job, ...end, status: 'cancelled', phase: 'cancelled' },
        );
      } else {
        const error =
          outcome.type === 'refused'
            ? `${outcome.code}: ${outcome.message}`
            : outcome.type === 'failed'
              ? outcome.message
              : 'unexpected reply';
        await store.simulations.put({ ...job, ...end, status: 'failed', error });
      }
    } finally {
      this.live.delete(k);
    }
  }
}

const key = (job: { clientId: string; simulationId: string }) => `${job.clientId}/${job.simulationId}`;

function interrupted(job: SimulationJob): SimulationJob {
  return {
    ...job,
    status: 'failed',
    error: 'interrupted: the server stopped while the job was queued or running; start it again',
    etaSeconds: null,
    finishedAt: new Date().toISOString(),
  };
}
