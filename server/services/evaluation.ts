import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import { OrdergraphError } from '../../engine/errors/index.ts';
import { type AdapterPlatform, adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { CorruptDocumentError } from '../store/errors.ts';
import type { ConsumptionEntry, DecisionRecord, Release } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { ClientRuntime, stateFrom } from './client-runtime.ts';
import { requireClient } from './require.ts';

export interface EvaluateOptions {
  /** The raw order's platform; detected from its keys when not given, else standard. */
  platform?: AdapterPlatform;
  trace: boolean;
  /** Decide without recording: no audit entry, no counters or stock taken. */
  dryRun: boolean;
}

export type EvaluationResult =
  | { index: number; ok: true; platform: AdapterPlatform; decision: Decision }
  | { index: number; ok: false; error: { code: string; message: string } & Record<string, unknown> };

export interface Evaluation {
  clientId: string;
  release: number;
  dryRun: boolean;
  results: EvaluationResult[];
}

/**
 * Decides orders with a client's published pipeline. Decisions of one client are made
 * one at a time so counters and stock are consumed in arrival order; what they took and the
 * decisions themselves are queued to the store in that same order and are durable before the
 * answer goes out, while the next batch is already being decided.
 */
export class EvaluationService {
  private readonly runtimes = new Map<string, Promise<ClientRuntime>>();

  constructor(
    private readonly store: Store,
    private readonly engine: EngineName,
    private readonly metrics: Metrics,
  ) {}

  async evaluate(
    clientId: string,
    orders: readonly unknown[],
    options: EvaluateOptions,
    by: string,
  ): Promise<Evaluation> {
    const client = await requireClient(this.store, clientId);
    const live = await this.store.releases.live(clientId);
    if (!live) {
      throw new ApiError(
        409,
        'nothing_published',
        `client "${clientId}" has no published pipeline; publish a version first`,
      );
    }
    const runtime = await this.runtime(clientId);
    const { results, persisted } = await runtime.exclusive(async () => {
      const pipeline = await runtime.pipeline(live, client, options, (release) => this.compiledOf(release));
      const results: EvaluationResult[] = [];
      const audit: DecisionRecord[] = [];
      const consumption: ConsumptionEntry[] = [];
      for (const [index, raw] of orders.entries()) {
        const { result, buyerId } = await decideOne(index, raw, options.platform, (order) =>
          pipeline.decide(order),
        );
        results.push(result);
        this.metrics.evaluations.inc({
          status: result.ok ? result.decision.status : 'invalid',
          mode: options.dryRun ? 'dry' : 'live',
        });
        if (!result.ok || options.dryRun) continue;
        const { decision } = result;
        // The trace stays out of the audit log: it is most of a decision's size, and the caller
        // that asked for it has it in the answer.
        const { trace: _trace, ...audited } = decision;
        audit.push({
          clientId,
          orderId: decision.orderId,
          at: new Date().toISOString(),
          release: live.release,
          platform: result.platform,
          by,
          decision: audited,
        });
        consumption.push({ orderId: decision.orderId, buyerId, consumed: decision.consumed });
      }
      // Queued here, inside the client's turn, so the logs keep decision order; awaited outside it.
      const persisted = Promise.all([
        this.store.audit.append(audit),
        this.store.state.append(clientId, consumption),
      ]);
      return { results, persisted };
    });
    await persisted;
    return { clientId, release: live.release, dryRun: options.dryRun, results };
  }

  /** The client's counters, stock and buyer history as this server holds them now. */
  async snapshot(clientId: string): Promise<StateSnapshot> {
    await requireClient(this.store, clientId);
    return (await this.runtime(clientId)).state.snapshot();
  }

  /** Replaces the client's state in the store and in the running pipelines, between two decisions. */
  async replaceState(clientId: string, snapshot: StateSnapshot): Promise<StateSnapshot> {
    await requireClient(this.store, clientId);
    const runtime = await this.runtime(clientId);
    return runtime.exclusive(async () => {
      await this.store.state.replace(clientId, snapshot);
      runtime.resetState(await this.store.state.load(clientId));
      return runtime.state.snapshot();
    });
  }

  private runtime(clientId: string): Promise<ClientRuntime> {
    let runtime = this.runtimes.get(clientId);
    if (!runtime) {
      runtime = this.store.state
        .load(clientId)
        .then((persisted) => new ClientRuntime(stateFrom(persisted), this.engine));
      // A failed load is not cached: the next request tries again.
      runtime.catch(() => this.runtimes.delete(clientId));
      this.runtimes.set(clientId, runtime);
    }
    return runtime;
  }

  private async compiledOf(release: Release): Promise<CompiledStrategy[]> {
    return Promise.all(
      release.strategies.map(async ({ strategyId, version }) => {
        const record = await this.store.versions.get(release.clientId, strategyId, version);
        if (!record) {
          throw new CorruptDocumentError(
            `release ${release.release} of client "${release.clientId}"`,
            `it names version ${version} of strategy "${strategyId}", which is missing`,
          );
        }
        return record.compiled;
      }),
    );
  }
}

async function decideOne(
  index: number,
  raw: unknown,
  given: AdapterPlatform | undefined,
  decide: (order: StandardOrder) => Promise<Decision>,
): Promise<{ result: EvaluationResult; buyerId: string }> {
  const platform = given ?? detectPlatform(raw) ?? 'standard';
  try {
    const order = adaptOrder(platform, raw);
    return { result: { index, ok: true, platform, decision: await decide(order) }, buyerId: order.buyer.id };
  } catch (error) {
    // An order that cannot be read (or a rule that cannot run on it) fails alone, not its batch.
    if (error instanceof OrdergraphError)
      return { result: { index, ok: false, error: { ...error.toJSON() } }, buyerId: '' };
    throw error;
  }
}
