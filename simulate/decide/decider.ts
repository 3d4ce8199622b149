import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { loadStrategies } from '../../engine/loader/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { ReplayState } from '../history/replay-state.ts';
import { decisionClock } from '../order-time.ts';
import { recordsIn } from '../sort/run-record.ts';
import type { DecideWorkerData, SkippedRow } from '../threads/messages.ts';
import { failedOutline, outlineOf } from './decision-outline.ts';
import { loadPipelineFactory, type SimulationPipeline } from './pipeline-factory.ts';
import { type Tallies, TallyCounter } from './tallies.ts';
import { type ViewsText, ViewsWriter } from './views-text.ts';

/**
 * One pipeline deciding orders strictly in the order it is given them, from its own state: the
 * stateful part of a simulation, which must not run in parallel with itself. A decision that
 * throws is a failed order, reported with its line; the run goes on.
 */
export class Decider {
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly pipeline: SimulationPipeline,
    private readonly state: ReplayState,
    private readonly counter: TallyCounter,
  ) {}

  static async create(data: DecideWorkerData): Promise<Decider> {
    const { client, strategies } = loadStrategies(data.strategies);
    const compiled = strategies.map((s) => {
      if (!s.result.ok) throw new Error(`${s.file} does not compile`);
      return s.result.compiled as CompiledStrategy;
    });
    const { factory, options } = await loadPipelineFactory(data.factory);
    const state = new ReplayState(data.snapshot);
    const pipeline = await factory(compiled, {
      ...options,
      engine: data.engine,
      // Traces name each fired rule and its nodes: the rule-hit counts come from them (not the facts).
      trace: 'rules',
      client,
      state,
      // The order's own time (plus the OMS's delay), not the wall clock, so `minutesSincePaid`,
      // hold release times and merge windows replay exactly.
      clock: decisionClock(data.decideAfterMinutes),
    });
    return new Decider(pipeline, state, new TallyCounter(pipeline.stages));
  }

  /**
   * Decides a batch of records in order, each told its value in the order history. Given shared
   * memory for them (`lent`), writes each record's view there, a line each, for the diff.
   */
  async decide(
    bytes: Uint8Array,
    history: Uint32Array,
    lent?: Uint8Array,
  ): Promise<{ decided: number; failed: SkippedRow[]; views: ViewsText | null }> {
    const failed: SkippedRow[] = [];
    const views = lent ? new ViewsWriter(lent) : undefined;
    let decided = 0;
    let i = 0;
    // Parsed one at a time, so each order dies young: parsing the batch first kept 256 orders alive
    // across collections, promoted them, and grew the old generation (and RSS) with the run.
    for (const { line, payload } of recordsIn(bytes)) {
      const order = JSON.parse(this.decoder.decode(payload)) as StandardOrder;
      this.state.nextOrder(order, history[i++]!);
      try {
        const decision = await this.pipeline.decide(order);
        this.counter.add(decision);
        decided++;
        views?.line(JSON.stringify(outlineOf(decision)));
      } catch (error) {
        const reason = `the decision failed: ${error instanceof Error ? error.message : String(error)}`;
        failed.push({ line, orderId: order.id, reason });
        views?.line(JSON.stringify(failedOutline(reason)));
      }
    }
    this.pipeline.flush?.();
    return { decided, failed, views: views?.text() ?? null };
  }

  tallies(): Tallies {
    return this.counter.result();
  }
}
