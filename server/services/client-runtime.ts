import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import { InMemoryState } from '../../engine/state/index.ts';
import type { ClientRecord, PersistedState, Release } from '../store/records.ts';
import { DryRunState } from './dry-run-state.ts';
import { masterData } from './master-data.ts';
import { SwitchableState } from './switchable-state.ts';

/** Live state as the engine reads it, seeded with what the store replayed. */
export function stateFrom(persisted: PersistedState): InMemoryState {
  const state = new InMemoryState(persisted.snapshot);
  for (const orderId of persisted.seenOrders) state.recordOrder(orderId);
  return state;
}

/**
 * One client's evaluation runtime in this process: its live state, its pipelines (for the live
 * release and master-data revision, with and without traces; rebuilt when either changes), and a
 * queue so its orders are decided one at a time, in arrival order, as the state's caps require.
 */
export class ClientRuntime {
  private readonly pipelines = new Map<boolean, Pipeline>();
  private built: { release: number; clientRevision: number; strategies: CompiledStrategy[] } | undefined;
  /** What the pipelines read and consume: the live state, or a dry run's copy-on-write view of it. */
  private readonly view: SwitchableState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public state: InMemoryState,
    private readonly engine: EngineName,
  ) {
    this.view = new SwitchableState(state);
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The pipeline of the live release, pointed at the live state or, for a dry run, at a view that
   * leaves it untouched. Call it inside `exclusive` and decide before the turn ends: the next turn
   * may point it elsewhere. `load` fetches a release's compiled strategies once.
   */
  async pipeline(
    live: Release,
    client: ClientRecord,
    options: { trace: boolean; dryRun: boolean },
    load: (release: Release) => Promise<CompiledStrategy[]>,
  ): Promise<Pipeline> {
    if (this.built?.release !== live.release || this.built.clientRevision !== client.revision) {
      const strategies = this.built?.release === live.release ? this.built.strategies : await load(live);
      this.built = { release: live.release, clientRevision: client.revision, strategies };
      this.pipelines.clear();
    }
    this.view.target = options.dryRun ? new DryRunState(this.state) : this.state;
    let pipeline = this.pipelines.get(options.trace);
    if (!pipeline) {
      pipeline = createPipeline(this.built.strategies, {
        engine: this.engine,
        trace: options.trace,
        client: masterData(client.client),
        state: this.view,
      });
      this.pipelines.set(options.trace, pipeline);
    }
    return pipeline;
  }

  /** New levels from the store (an OMS pushed stock), used from the next decision on. */
  resetState(persisted: PersistedState): void {
    this.state = stateFrom(persisted);
  }
}
