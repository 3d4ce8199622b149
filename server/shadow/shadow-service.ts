import type { ShadowDoc, ShadowInput } from '../../api/schemas/shadow.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { EvaluationService } from '../services/evaluation.ts';
import { masterData } from '../services/master-data.ts';
import { resolveCandidate, strategiesCallingPlugins } from '../simulation/job-inputs.ts';
import type { Store } from '../store/store.ts';
import { type DivergenceReport, DivergenceTally } from './divergence-tally.ts';
import { ShadowThread, ShadowThreadError } from './shadow-thread.ts';

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
}

type ShadowSetup = Pick<
  ShadowDoc,
  'clientId' | 'since' | 'by' | 'candidate' | 'label' | 'release' | 'sampleLimit'
>;

interface Shadow {
  setup: ShadowSetup;
  thread: ShadowThread;
  otherRelease: number;
  /** The thread's latest answer: what is left to show once the thread has failed. */
  last: DivergenceReport;
}

/**
 * Shadow releases, one per client at most: a candidate that decides every live order again in a
 * thread of its own, from its own copy of the state, and counts where it would have decided
 * differently. Held in memory: a restart ends every shadow (PUT it again).
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
    const withPlugins = strategiesCallingPlugins(strategies);
    if (withPlugins.length > 0) {
      // Plugins run in the server's sandbox pool, which evaluate needs: a second caller would take its time.
      throw new ApiError(
        422,
        'plugins_not_shadowed',
        `${withPlugins.join(', ')} call plugins, and a shadow runs none; simulate this candidate instead`,
        { strategies: withPlugins },
      );
    }
    const snapshot = await evaluation.snapshot(clientId);
    // Registered with no await after the snapshot, so every decision the snapshot lacks is offered to it.
    const thread = new ShadowThread(
      {
        clientId,
        strategies,
        client: masterData(resolved.client.client),
        engine,
        snapshot,
        sampleLimit: input.sample,
        cpuShare: this.options.cpuShare ?? SHADOW_CPU_SHARE,
      },
      this.options.queueLimit ?? SHADOW_QUEUE_LIMIT,
    );
    const shadow: Shadow = {
      setup: {
        clientId,
        since: new Date().toISOString(),
        by,
        candidate: input.candidate,
        label: `release ${resolved.release.release} with ${resolved.picked.join(', ')}`,
        release: resolved.release.release,
        sampleLimit: input.sample,
      },
      thread,
      otherRelease: 0,
      last: new DivergenceTally(0).report(),
    };
    const earlier = this.shadows.get(clientId);
    this.shadows.set(clientId, shadow);
    await earlier?.thread.stop();
    try {
      await thread.ready;
    } catch (error) {
      if (this.shadows.get(clientId) === shadow) this.shadows.delete(clientId);
      throw error;
    }
    if (this.shadows.get(clientId) !== shadow) {
      await thread.stop();
      throw new ApiError(
        409,
        'shadow_replaced',
        `the shadow of client "${clientId}" was replaced or stopped while it started`,
      );
    }
    logger.info('shadow started', { clientId, release: shadow.setup.release, candidate: shadow.setup.label });
    return this.docOf(shadow);
  }

  /** What the client's shadow counted so far, every order offered before the call included. */
  async report(clientId: string): Promise<ShadowDoc> {
    const shadow = this.shadows.get(clientId);
    if (!shadow) throw notFound(`a shadow of client "${clientId}"`);
    try {
      shadow.last = await shadow.thread.report();
    } catch (error) {
      if (!(error instanceof ShadowThreadError)) throw error;
    }
    return this.docOf(shadow);
  }

  /** Stops the client's shadow; answers its final count. */
  async stop(clientId: string): Promise<ShadowDoc> {
    const doc = await this.report(clientId);
    const shadow = this.shadows.get(clientId);
    if (shadow) {
      this.shadows.delete(clientId);
      await shadow.thread.stop();
    }
    this.options.logger.info('shadow stopped', { clientId, orders: doc.orders, diverged: doc.diverged });
    return doc;
  }

  /** `EvaluationService.onLiveDecision`: inside evaluate's turn, so it only queues. */
  readonly observe = (clientId: string, release: number, order: StandardOrder, decision: Decision): void => {
    const shadow = this.shadows.get(clientId);
    if (!shadow) return;
    if (release !== shadow.setup.release) {
      shadow.otherRelease++;
      return;
    }
    shadow.thread.offer({ order, at: Date.now(), live: outlineOf(decision) });
  };

  async close(): Promise<void> {
    const shadows = [...this.shadows.values()];
    this.shadows.clear();
    await Promise.all(shadows.map((s) => s.thread.stop()));
  }

  private docOf({ setup, thread, otherRelease, last }: Shadow): ShadowDoc {
    const failed = thread.failed;
    const { lastError, ...counts } = last;
    return {
      ...setup,
      status: failed ? 'failed' : otherRelease > 0 ? 'stale' : 'running',
      ...counts,
      ...thread.flow,
      otherRelease,
      ...(failed ? { error: failed.message } : lastError !== undefined ? { error: lastError } : {}),
    };
  }
}
