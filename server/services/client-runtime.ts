import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { PipelinePlugins } from '../../engine/plugins/index.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import type { LiveState } from '../live-state/live-state.ts';
import type { ClientRecord, Release } from '../store/records.ts';
import { masterData } from './master-data.ts';
import { SwitchableState } from './switchable-state.ts';

/** A release as its pipelines are built: its compiled strategies and, when they call any, their plugins. */
export interface ReleaseBuild {
  strategies: CompiledStrategy[];
  plugins?: PipelinePlugins;
}

/**
 * One client's evaluation runtime in this process: its live state, its pipelines (for the live
 * release and master-data revision, with and without traces; rebuilt when either changes), and a
 * queue so its orders are decided one at a time here, in arrival order, as the state's caps require
 * (evaluators sharing the state commit each decision with preconditions: see server/live-state).
 */
export class ClientRuntime {
  private readonly pipelines = new Map<boolean, Pipeline>();
  private built: ({ release: number; clientRevision: number } & ReleaseBuild) | undefined;
  /** What the pipelines read and consume: the live state, or a dry run's copy-on-write view of it. */
  private readonly view: SwitchableState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public live: LiveState,
    private readonly engine: EngineName,
  ) {
    this.view = new SwitchableState(live.turn(false));
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
    this.view.target = this.live.turn(options.dryRun);
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
}
