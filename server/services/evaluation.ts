import { type AuditedDecision, auditedDecision } from '../../api/schemas/decisions.ts';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import { OrdergraphError } from '../../engine/errors/index.ts';
import { type AdapterPlatform, adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { PluginPlanError } from '../../engine/plugins/index.ts';
import type { EngineName, Pipeline } from '../../engine/runtime/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import { ApiError } from '../errors/api-error.ts';
import type { LiveState, LiveStates, SettleOptions } from '../live-state/live-state.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { CorruptDocumentError } from '../store/errors.ts';
import type { ConsumptionEntry, DecisionRecord, Release } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { ClientRuntime, type ReleaseBuild } from './client-runtime.ts';
import { requireClient } from './require.ts';

export interface EvaluateOptions {
  /** The raw order's platform; detected from its keys when not given, else standard. */
  platform?: AdapterPlatform;
  trace: boolean;
  /** Decide without recording: no audit entry, no counters or stock taken. */
  dryRun: boolean;
}

/** Set on a result that is an earlier recorded decision answered again (an OMS retry), not a new one. */
export interface Replay {
  /** When the order was decided. */
  at: string;
  /** The release that decided it. */
  release: number;
}

type Decided = { index: number; ok: true; platform: string; decision: Decision; replay?: undefined };
type Failed = {
  index: number;
  ok: false;
  error: { code: string; message: string; index: number } & Record<string, unknown>;
};

export type EvaluationResult =
  | Decided
  /** An order id already decided for real: its recorded summary, answered again. */
  | { index: number; ok: true; platform: string; decision: AuditedDecision; replay: Replay }
  | Failed;

/** Orders of a batch decided per plugin round trip: big enough to amortise the sandbox, small enough to yield. */
const PLUGIN_CHUNK = 100;

/** A long batch hands the event loop back this often, so health checks and other clients are answered. */
const SLICE_MS = 5;

/**
 * Told of each decision made for real (not a dry run, not a replay) as it is recorded, inside the
 * client's turn: it must return at once and never throw (a shadow release only queues it).
 */
export type LiveDecisionObserver = (
  clientId: string,
  release: number,
  order: StandardOrder,
  decision: Decision,
) => void;

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
  /** Per client: live decisions made by this process and not yet known durable, by order id. */
  private readonly pending = new Map<string, Map<string, PendingRecord>>();
  onLiveDecision: LiveDecisionObserver | undefined;
  /** Told, inside the client's turn, of the state `replaceState` put in place (a shadow's copy follows it). */
  onStateReplaced: ((clientId: string, snapshot: StateSnapshot) => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly engine: EngineName,
    private readonly metrics: Metrics,
    private readonly plugins: PluginRegistry,
    private readonly states: LiveStates,
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
    const pending = this.pendingOf(clientId);
    const { results, persisted } = await runtime.exclusive(async () => {
      const pipeline = await runtime
        .pipeline(live, client, options, (release) => this.buildOf(release))
        .catch((error: unknown) => {
          // Publishing checks the plan; a release from before that check (or a build gone since) lands here.
          if (!(error instanceof PluginPlanError)) throw error;
          throw new ApiError(409, 'release_cannot_run', error.message, { issues: error.issues });
        });
      // Filled by index: with plugins, a chunk's decisions arrive after later orders were read.
      const results: EvaluationResult[] = [];
      const audit: DecisionRecord[] = [];
      const consumption: ConsumptionEntry[] = [];
      // Replays of decisions still being written: their answer waits until they are durable.
      const earlier: Promise<unknown>[] = [];
      // This batch's own decisions: an order id twice in one batch is decided once.
      const decided = new Map<string, PendingRecord>();
      const mode = options.dryRun ? 'dry' : 'live';
      // Handed to the store a slice at a time (checking a record is not free), in decision order.
      const writes: Promise<unknown>[] = [];
      let flushed = 0;
      const flush = () => {
        if (flushed === audit.length) return;
        const records = audit.slice(flushed);
        const entries = consumption.slice(flushed);
        flushed = audit.length;
        for (const write of [this.store.audit.append(records), this.store.state.append(clientId, entries)]) {
          write.catch(() => undefined); // awaited below, with the rest; never left unhandled by a throw
          writes.push(write);
        }
      };
      // Orders waiting to be decided together: one at a time, or with plugins a chunk per sandbox round trip.
      let chunk: Waiting[] = [];
      const chunkSize = pipeline.plugins ? PLUGIN_CHUNK : 1;
      const state = runtime.live;
      const settle = async () => {
        if (chunk.length === 0) return;
        const waiting = chunk;
        chunk = [];
        const byOrder = new Map(waiting.map((w) => [w.order.id, w]));
        // The audit line is the ≤ 1 KB summary (no trace, no rule events: their params are node
        // configuration, kilobytes a decision). An OMS retry is answered from it.
        const records = new Map<string, DecisionRecord>();
        const recordOf = (decision: Decision): DecisionRecord => {
          const record: DecisionRecord = {
            clientId,
            orderId: decision.orderId,
            at: new Date().toISOString(),
            release: live.release,
            platform: byOrder.get(decision.orderId)!.platform,
            by,
            decision: auditedDecision(decision),
          };
          records.set(decision.orderId, record);
          return record;
        };
        const settled = await settleChunk(waiting, pipeline.pipeline, state, {
          dryRun: options.dryRun,
          redecide: (orders) => pipeline.pipeline.decideBatch(orders),
          recordOf: (decision) => JSON.stringify(recordOf(decision)),
        });
        for (const result of settled) {
          results[result.index] = result;
          if (result.ok && result.replay) {
            this.metrics.evaluations.inc({ status: result.decision.status, mode: 'replay' });
            continue;
          }
          this.metrics.evaluations.inc({ status: result.ok ? result.decision.status : 'invalid', mode });
          if (!result.ok || options.dryRun) continue;
          const { decision } = result;
          const record = records.get(decision.orderId) ?? recordOf(decision);
          decided.set(decision.orderId, { record });
          const { order } = byOrder.get(decision.orderId)!;
          if (!state.recordsDecisions) {
            audit.push(record);
            consumption.push({
              orderId: decision.orderId,
              buyerId: order.buyer.id,
              consumed: decision.consumed,
            });
          }
          this.onLiveDecision?.(clientId, live.release, order, decision);
        }
      };
      let sliceStart = performance.now();
      for (const [index, raw] of orders.entries()) {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await settle();
          flush();
          // Inside the client's turn: its other requests still wait, everything else runs.
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
        const read = readOrder(index, raw, options.platform);
        if (!read.ok) {
          results[index] = read.result;
          this.metrics.evaluations.inc({ status: 'invalid', mode });
          continue;
        }
        const { order, platform } = read;
        if (!options.dryRun) {
          // A repeat of an order still waiting in the chunk is answered from that order's decision.
          if (chunk.some((w) => w.order.id === order.id)) await settle();
          // Shared state finds repeats when it commits (any evaluator's); one process asks its audit log.
          const recorded =
            decided.get(order.id) ??
            (state.recordsDecisions ? undefined : await this.recorded(clientId, runtime, pending, order.id));
          if (recorded) {
            if (recorded.durable) earlier.push(recorded.durable);
            const { record } = recorded;
            results[index] = {
              index,
              ok: true,
              platform: record.platform,
              decision: record.decision,
              replay: { at: record.at, release: record.release },
            };
            this.metrics.evaluations.inc({ status: record.decision.status, mode: 'replay' });
            continue;
          }
        }
        chunk.push({ index, order, platform });
        if (chunk.length >= chunkSize) await settle();
      }
      await settle();
      // Queued here, inside the client's turn, so the logs keep decision order; awaited outside it.
      flush();
      const persisted = Promise.all([...writes, ...earlier]);
      for (const record of audit) pending.set(record.orderId, { record, durable: persisted });
      // Once durable, a retry finds them in the audit log.
      const forget = () => {
        for (const record of audit) {
          if (pending.get(record.orderId)?.record === record) pending.delete(record.orderId);
        }
      };
      persisted.then(forget, forget);
      return { results, persisted };
    });
    await persisted;
    return { clientId, release: live.release, dryRun: options.dryRun, results };
  }

  /**
   * The decision already recorded for an order id, if any: one this process is still writing, else
   * (only for ids the state has seen, so a new order costs nothing) the newest in the audit log.
   */
  private async recorded(
    clientId: string,
    runtime: ClientRuntime,
    pending: Map<string, PendingRecord>,
    orderId: string,
  ): Promise<PendingRecord | undefined> {
    const inFlight = pending.get(orderId);
    if (inFlight) return inFlight;
    if (!runtime.live.maySeen(orderId)) return undefined;
    const found = await this.store.audit.findByOrder(clientId, orderId);
    const record = found.at(-1);
    return record ? { record } : undefined;
  }

  private pendingOf(clientId: string): Map<string, PendingRecord> {
    let pending = this.pending.get(clientId);
    if (!pending) {
      pending = new Map();
      this.pending.set(clientId, pending);
    }
    return pending;
  }

  /**
   * Resolves once every decision queued so far has been made and recorded: a caller that went away
   * (its connection closed) leaves its batch running, and stopping must not pull the plugins or the
   * store from under it.
   */
  async drain(): Promise<void> {
    const runtimes = await Promise.allSettled([...this.runtimes.values()]);
    await Promise.all(runtimes.map((r) => (r.status === 'fulfilled' ? r.value.idle() : undefined)));
  }

  /** The client's counters, stock and buyer history as this server holds them now. */
  async snapshot(clientId: string): Promise<StateSnapshot> {
    await requireClient(this.store, clientId);
    return (await this.runtime(clientId)).live.snapshot();
  }

  /**
   * Hands the client's state to `seed` inside its turn, between two decisions: every decision the
   * snapshot holds was told to `onLiveDecision` before `seed` runs, every later one after it returns
   * (a shadow release registers itself in `seed`, so its copy of the state misses no order and counts none twice).
   */
  async betweenDecisions<T>(clientId: string, seed: (snapshot: StateSnapshot) => T): Promise<T> {
    await requireClient(this.store, clientId);
    const runtime = await this.runtime(clientId);
    return runtime.exclusive(async () => seed(await runtime.live.snapshot()));
  }

  /** Replaces the client's state in the store and in the running pipelines, between two decisions. */
  async replaceState(clientId: string, snapshot: StateSnapshot): Promise<StateSnapshot> {
    await requireClient(this.store, clientId);
    const runtime = await this.runtime(clientId);
    return runtime.exclusive(async () => {
      runtime.live = await this.states.replace(clientId, runtime.live, snapshot);
      const replaced = await runtime.live.snapshot();
      this.onStateReplaced?.(clientId, replaced);
      return replaced;
    });
  }

  private runtime(clientId: string): Promise<ClientRuntime> {
    let runtime = this.runtimes.get(clientId);
    if (!runtime) {
      runtime = this.states.open(clientId).then((live) => new ClientRuntime(live, this.engine));
      // A failed load is not cached: the next request tries again.
      runtime.catch(() => this.runtimes.delete(clientId));
      this.runtimes.set(clientId, runtime);
    }
    return runtime;
  }

  private async buildOf(release: Release): Promise<ReleaseBuild> {
    const strategies = await this.compiledOf(release);
    const plugins = await this.plugins.forRelease(release.clientId, strategies);
    return plugins ? { strategies, plugins } : { strategies };
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

type ReadOrder =
  | { ok: true; order: StandardOrder; platform: AdapterPlatform }
  | { ok: false; result: EvaluationResult };

/** Any element of a batch: an order that cannot be read (not even an object) fails alone, not its batch. */
function readOrder(index: number, raw: unknown, given: AdapterPlatform | undefined): ReadOrder {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    return {
      ok: false,
      result: {
        index,
        ok: false,
        error: { code: 'invalid_order', message: `an order must be a JSON object, not ${got}`, index },
      },
    };
  }
  const platform = given ?? detectPlatform(raw) ?? 'standard';
  try {
    return { ok: true, order: adaptOrder(platform, raw), platform };
  } catch (error) {
    if (error instanceof OrdergraphError)
      return { ok: false, result: { index, ok: false, error: { ...error.toJSON(), index } } };
    throw error;
  }
}

interface Waiting {
  index: number;
  order: StandardOrder;
  platform: AdapterPlatform;
}

/**
 * Decides waiting orders in order: one alone, or a chunk with one plugin round trip per plugin
 * (`decideBatch`), then settles them against the live state (which may answer some as repeats, or
 * decide them again). A rule that cannot run on an order fails that order alone; in a chunk the
 * pipeline cannot say which order it was, so the chunk's orders fail with it and nothing they read
 * or took is committed (rules compiled from graphs do not throw on orders; hand-written rule JSON can).
 */
async function settleChunk(
  waiting: readonly Waiting[],
  pipeline: Pipeline,
  state: LiveState,
  options: SettleOptions,
): Promise<EvaluationResult[]> {
  const orders = waiting.map((w) => w.order);
  let decisions: Decision[];
  try {
    decisions =
      orders.length === 1 ? [await pipeline.decide(orders[0]!)] : await pipeline.decideBatch(orders);
  } catch (error) {
    state.discard();
    if (!(error instanceof OrdergraphError)) throw error;
    return waiting.map(({ index }) => ({ index, ok: false, error: { ...error.toJSON(), index } }));
  }
  const settled = await state.settle(orders, decisions, options);
  return waiting.map(({ index, platform }, i): EvaluationResult => {
    const s = settled[i]!;
    if (s.kind === 'decided') return { index, ok: true, platform, decision: s.decision };
    if (s.kind === 'failed') return { index, ok: false, error: { code: s.code, message: s.message, index } };
    const record = JSON.parse(s.record) as DecisionRecord;
    return {
      index,
      ok: true,
      platform: record.platform,
      decision: record.decision,
      replay: { at: record.at, release: record.release },
    };
  });
}

interface PendingRecord {
  record: DecisionRecord;
  /** Resolves once the record is durable; absent when it already is. */
  durable?: Promise<unknown>;
}
