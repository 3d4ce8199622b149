import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { PipelinePlugins } from '../../engine/plugins/index.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import { InMemoryState } from '../../engine/state/index.ts';
import type { ClientRecord, PersistedState, Release } from '../store/records.ts';
import { DryRunState } from './dry-run-state.ts';
import { masterData } from './master-data.ts';
import { SwitchableState } from './switchable-state.ts';

/** A release as its pipelines are built: its compiled strategies and, when they call any, their plugins. */
export interface ReleaseBuild {
  strategies: CompiledStrategy[];
  plugins?: PipelinePlugins;
}

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
  private built: ({ release: number; clientRevision: number } & ReleaseBuild) | undefined;
  /** What the pipelines read and consume: the live state, or a dry run's copy-on-write view of it. */
  private readonly view: SwitchableState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public state: InMemoryState,
    private readonly engine: EngineName,
  ) {
    this.view = new SwitchableState(state);
  }

  /** Resolves once every turn queued so far, and any queued while waiting, has run. */
  async idle(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.queue;
      await tail;
    } while (tail !== this.queue);
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The pipeline of the live release, pointed at the live state or, for a dry run, at a view that
   * leaves it untouched. Call it inside `exclusive` and decide before the turn ends: the next turn
   * may point it elsewhere. `load` fetches a release's compiled strategies (and loads the plugins
   * they call into the sandbox) once.
   */
  async pipeline(
    live: Release,
    client: ClientRecord,
    options: { trace: boolean; dryRun: boolean },
    load: (release: Release) => Promise<ReleaseBuild>,
  ): Promise<{ pipeline: Pipeline; plugins: boolean }> {
    if (this.built?.release !== live.release || this.built.clientRevision !== client.revision) {
      const build = this.built?.release === live.release ? this.built : await load(live);
      this.built = {
        release: live.release,
        clientRevision: client.revision,
        strategies: build.strategies,
        ...(build.plugins ? { plugins: build.plugins } : {}),
      };
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
        ...(this.built.plugins ? { plugins: this.built.plugins } : {}),
      });
      this.pipelines.set(options.trace, pipeline);
    }
    return { pipeline, plugins: this.built.plugins !== undefined };
  }

  /** New levels from the store (an OMS pushed stock), used from the next decision on. */
  resetState(persisted: PersistedState): void {
    this.state = stateFrom(persisted);
  }
}
