import type { ShadowDoc, ShadowInput } from '../../api/schemas/shadow.ts';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import type { PipelineFactorySpec } from '../../simulate/threads/messages.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { EvaluationService } from '../services/evaluation.ts';
import { masterData } from '../services/master-data.ts';
import { resolveCandidate, strategiesCallingPlugins } from '../simulation/job-inputs.ts';
import type { Store } from '../store/store.ts';
import { type DivergenceReport, DivergenceTally } from './divergence-tally.ts';
import type { ShadowItem } from './messages.ts';
import type { ShadowDefinitions } from './shadow-definitions.ts';
import type { ShadowFeed } from './shadow-feed.ts';
import { ShadowProcess, ShadowStoppedError } from './shadow-process.ts';

/** Orders a shadow may be behind live before live orders are dropped instead of queued (about 2 KB each). */
export const SHADOW_QUEUE_LIMIT = 5_000;

/**
 * A quarter of one core: the demo pipeline decides about 0.2 ms an order, so a shadow keeps up with
 * over 1,000 live orders a second and drops what comes faster.
 */
export const SHADOW_CPU_SHARE = 0.25;

export interface ShadowServiceOptions {
  store: Store;
  /** Where the live state a shadow starts from is read. */
  evaluation: EvaluationService;
  engine: EngineName;
  logger: Logger;
  queueLimit?: number;
  cpuShare?: number;
  /**
   * Builds, in the shadow's process, a pipeline that runs the client's plugins in a sandbox process of
   * its own (the composition root's, as simulation jobs use), as live runs them: the clock, real
   * randomness and the server's limits, so a divergence is the candidate's, not the sandbox's. Without
   * it, candidates calling plugins are refused.
   */
  pluginPipeline?: ShadowPlugins;
  /** Where running shadows are remembered across restarts; without it a restart ends them. */
  definitions?: ShadowDefinitions;
  /** Live decisions other processes (evaluators) make, fed to the shadows here too. */
  feed?: ShadowFeed;
}

/** A pipeline spec running these builds as live evaluate runs them. */
export type ShadowPlugins = (builds: readonly BuiltPlugin[]) => PipelineFactorySpec;

type ShadowSetup = Pick<
  ShadowDoc,
  'clientId' | 'since' | 'by' | 'candidate' | 'label' | 'release' | 'sampleLimit'
>;

interface Shadow {
  setup: ShadowSetup;
  process: ShadowProcess;
  otherRelease: number;
  /** The shadow's latest answer: what is left to show once it has failed. */
  last: DivergenceReport;
  /** Stops the feed of other processes' decisions, when there is one. */
  unfollow?: () => Promise<void>;
}

/**
 * Shadow releases, one per client at most: a candidate that decides every live order again in a
 * process of its own, from its own copy of the state, and counts where it would have decided
 * differently. Counts are held in memory; the definitions are stored (`definitions`), so a restart
 * starts each shadow again, counting afresh.
 */
export class ShadowService {
  private readonly shadows = new Map<string, Shadow>();

  constructor(private readonly options: ShadowServiceOptions) {}

  /** Starts a shadow beside the live release, replacing the client's earlier one. */
  async start(clientId: string, input: ShadowInput, by: string): Promise<ShadowDoc> {
    const { store, evaluation, engine, logger } = this.options;
    const resolved = await resolveCandidate(store, clientId, {
      baseline: 'live',
      candidate: input.candidate,
    });
    const strategies = [...resolved.compiled.values()];
    const pipeline = await this.pluginPipelineFor(clientId, strategies);
    const setup: ShadowSetup = {
      clientId,
      since: new Date().toISOString(),
      by,
      candidate: input.candidate,
      label: `release ${resolved.release.release} with ${resolved.picked.join(', ')}`,
      release: resolved.release.release,
      sampleLimit: input.sample,
    };
    // Seeded and registered inside the client's turn, between two of its decisions: every decision the
    // copy of the state holds was offered before, and every one it lacks is offered to this shadow.
    const { shadow, earlier } = await evaluation.betweenDecisions(clientId, (snapshot) => {
      const shadowProcess = new ShadowProcess(
        {
          clientId,
          strategies,
          client: masterData(resolved.client.client),
          engine,
          snapshot,
          sampleLimit: input.sample,
          cpuShare: this.options.cpuShare ?? SHADOW_CPU_SHARE,
          ...(pipeline ? { pipeline } : {}),
        },
        this.options.queueLimit ?? SHADOW_QUEUE_LIMIT,
      );
      const started: Shadow = {
        setup,
        process: shadowProcess,
        otherRelease: 0,
        last: new DivergenceTally(0).report(),
      };
      const replaced = this.shadows.get(clientId);
      this.shadows.set(clientId, started);
      return { shadow: started, earlier: replaced };
    });
    const { process: shadowProcess } = shadow;
    await earlier?.unfollow?.();
    await earlier?.process.stop();
    try {
      await shadowProcess.ready;
    } catch (error) {
      if (this.shadows.get(clientId) === shadow) {
        this.shadows.delete(clientId);
        // The shadow it replaced is stopped too: none is left to start again after a restart.
        await this.options.definitions?.delete(clientId);
      }
      if (!(error instanceof ShadowStoppedError)) throw error;
      // The candidate's pipeline could not be built there (a plugin build that does not load, say).
      throw new ApiError(422, 'shadow_cannot_run', error.message);
    }
    if (this.shadows.get(clientId) !== shadow) {
      await shadowProcess.stop();
      throw new ApiError(
        409,
        'shadow_replaced',
        `the shadow of client "${clientId}" was replaced or stopped while it started`,
      );
    }
    if (this.options.feed) {
      shadow.unfollow = await this.options.feed.follow(clientId, ({ release, item }) => {
        if (this.shadows.get(clientId) === shadow) this.offer(shadow, release, item);
      });
    }
    await this.options.definitions?.put({ clientId, input, by });
    logger.info('shadow started', { clientId, release: shadow.setup.release, candidate: shadow.setup.label });
    return this.docOf(shadow);
  }

  /**
   * Starts again, with fresh counts, every shadow that was running when the server stopped. A candidate
   * that no longer can run (its version gone, nothing live, a draft that no longer compiles: a 4xx) is
   * logged and forgotten; any other failure is logged and tried again at the next start.
   */
  async resume(): Promise<void> {
    const { definitions, logger } = this.options;
    if (!definitions) return;
    const { definitions: stored, unreadable } = await definitions.list();
    for (const { file, reason } of unreadable) {
      logger.error('a stored shadow release cannot be read; it is not restarted', { file, reason });
    }
    for (const { clientId, input, by } of stored) {
      try {
        await this.start(clientId, input, by);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const invalid = error instanceof ApiError && error.status < 500;
        logger.error('a shadow release could not be restarted', { clientId, reason, forgotten: invalid });
        if (invalid) await definitions.delete(clientId);
      }
    }
  }

  /**
   * How the shadow runs the candidate's plugins, when it calls any: every build the client has, in a
   * sandbox process the shadow's process starts (isolated-vm isolates in it). Not in the shadow's
   * process itself: isolated-vm alone does not stop every plugin from aborting its process; nor in the
   * server's own sandbox pool, where a shadow's batches would queue live's calls
   * behind them and a candidate's runaway plugin would restart the workers live's orders run in.
   */
  private async pluginPipelineFor(clientId: string, strategies: readonly CompiledStrategy[]) {
    const calling = strategiesCallingPlugins(strategies);
    if (calling.length === 0) return undefined;
    const { pluginPipeline, store } = this.options;
    if (!pluginPipeline) {
      throw new ApiError(
        422,
        'plugins_not_shadowed',
        `${calling.join(', ')} call plugins, and this server runs none; simulate this candidate instead`,
        { strategies: calling },
      );
    }
    const builds: BuiltPlugin[] = [];
    for (const { pluginId, version } of await store.plugins.list(clientId)) {
      const record = await store.plugins.get(clientId, pluginId, version);
      if (record) builds.push({ formatVersion: 1, manifest: record.manifest, code: record.code });
    }
    return pluginPipeline(builds);
  }

  /** What the client's shadow counted so far, every order offered before the call included. */
  async report(clientId: string): Promise<ShadowDoc> {
    const shadow = this.shadows.get(clientId);
    if (!shadow) throw notFound(`a shadow of client "${clientId}"`);
    try {
      shadow.last = await shadow.process.report();
    } catch (error) {
      if (!(error instanceof ShadowStoppedError)) throw error;
    }
    return this.docOf(shadow);
  }

  /** Stops the client's shadow; answers its final count. */
  async stop(clientId: string): Promise<ShadowDoc> {
    const doc = await this.report(clientId);
    const shadow = this.shadows.get(clientId);
    if (shadow) {
      this.shadows.delete(clientId);
      await shadow.unfollow?.();
      await shadow.process.stop();
    }
    await this.options.definitions?.delete(clientId);
    this.options.logger.info('shadow stopped', { clientId, orders: doc.orders, diverged: doc.diverged });
    return doc;
  }

  /** `EvaluationService.onLiveDecision`: inside evaluate's turn, so it only queues. */
  readonly observe = (clientId: string, release: number, order: StandardOrder, decision: Decision): void => {
    const shadow = this.shadows.get(clientId);
    if (shadow) this.offer(shadow, release, { order, at: Date.now(), live: outlineOf(decision) });
  };

  private offer(shadow: Shadow, release: number, item: ShadowItem): void {
    if (release !== shadow.setup.release) shadow.otherRelease++;
    else shadow.process.offer(item);
  }

  /** `EvaluationService.onStateReplaced`: inside the client's turn, after live's state was replaced. */
  readonly stateReplaced = (clientId: string, snapshot: StateSnapshot): void => {
    this.shadows.get(clientId)?.process.replaceState(snapshot);
  };

  async close(): Promise<void> {
    const shadows = [...this.shadows.values()];
    this.shadows.clear();
    await Promise.all(shadows.map(async (s) => Promise.all([s.unfollow?.(), s.process.stop()])));
  }

  private docOf({ setup, process: shadowProcess, otherRelease, last }: Shadow): ShadowDoc {
    const failed = shadowProcess.failed;
    const { lastError, ...counts } = last;
    return {
      ...setup,
      status: failed ? 'failed' : otherRelease > 0 ? 'stale' : 'running',
      ...counts,
      ...shadowProcess.flow,
      otherRelease,
      ...(failed ? { error: failed.message } : lastError !== undefined ? { error: lastError } : {}),
    };
  }
}
