import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { createPipeline, type PipelineOptions } from '../../engine/runtime/index.ts';
import { failedOutline, outlineOf } from '../decide/decision-outline.ts';
import { loadPipelineFactory, type SimulationPipeline } from '../decide/pipeline-factory.ts';
import { orderMetrics } from './order-metrics.ts';
import type { OrderRecord } from './order-record.ts';

/** Buffered decision log text written at once past this size (and after every batch, in `flush`). */
const FLUSH_CHARS = 1 << 20;

/** Options a job adds to the pipeline options: where the decision logs go, and whose pipeline to record. */
export interface RecordingOptions {
  recordDir: string;
  /** Another factory to record (plugins in deterministic mode), given its own options beside these. */
  inner?: { module: string; export?: string };
}

/**
 * Names a pipeline's decision log after what it decides with. The job computes the same name from
 * the strategy folders it wrote, so it knows which log is the baseline's; two pipelines with one
 * name decide alike, and either log serves.
 */
export function strategiesFingerprint(strategies: readonly CompiledStrategy[]): string {
  return createHash('sha256').update(JSON.stringify(strategies)).digest('hex').slice(0, 16);
}

/**
 * A `createPipeline` for `simulate({pipelineFactory})`: the same pipeline, which also writes one
 * line per decision (outline, fired rules, freight, parcels, gift cost) to a log in `recordDir`.
 * It runs in simulate's decide workers, which know nothing of it; the job reads the logs after the
 * run for the business metrics and the changed orders.
 */
export async function createRecordingPipeline(
  strategies: readonly CompiledStrategy[],
  options: PipelineOptions & Partial<RecordingOptions>,
): Promise<SimulationPipeline> {
  const { recordDir, inner, ...pipelineOptions } = options;
  const pipeline = inner
    ? await (await loadPipelineFactory(inner)).factory(strategies, pipelineOptions)
    : createPipeline(strategies, pipelineOptions);
  if (!recordDir) return pipeline;
  const log = new DecisionLog(join(recordDir, `${strategiesFingerprint(strategies)}-${threadId}.ndjson`));
  const clock = pipelineOptions.clock ?? (() => new Date());
  const record = (order: StandardOrder, decision: Decision | Error) => {
    const entry: OrderRecord =
      decision instanceof Error
        ? { orderId: order.id, outline: { ...failedOutline(decision.message) }, fired: [], metrics: null }
        : {
            orderId: order.id,
            outline: { ...outlineOf(decision) },
            fired: (decision.trace ?? []).map((t) => ({
              strategyId: t.strategyId,
              rule: t.rule,
              nodeIds: t.nodeIds,
            })),
            metrics: orderMetrics(order, decision, pipelineOptions.client, clock(order)),
          };
    log.add(JSON.stringify(entry));
  };
  return {
    stages: pipeline.stages,
    state: pipeline.state,
    async decide(order) {
      try {
        const decision = await pipeline.decide(order);
        record(order, decision);
        return decision;
      } catch (error) {
        record(order, error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    },
    async decideBatch(orders) {
      const decisions = await pipeline.decideBatch(orders);
      for (const [i, order] of orders.entries()) record(order, decisions[i]!);
      return decisions;
    },
    flush: () => log.flush(),
  };
}

/**
 * Appends lines with synchronous writes: the decide worker is terminated without notice once the
 * run is over, so nothing may wait in a buffer past the batch that produced it. The worker calls
 * `flush` before answering each batch; a flush scheduled after the batch instead (setImmediate)
 * lost the last batch when the next message, `finish`, was already waiting: its answer let the
 * main thread terminate the worker first (a 48-order job's whole log, once in CI).
 */
class DecisionLog {
  private buffer = '';

  // Opened and closed on each write: a terminated worker thread would leak a descriptor it held open.
  constructor(private readonly path: string) {}

  add(line: string): void {
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    appendFileSync(this.path, this.buffer);
    this.buffer = '';
  }
}
