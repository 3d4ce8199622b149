import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import { type JobOutcome, JobThread } from '../../simulate/jobs/job-thread.ts';
import type { JobReply, SimulateTask } from '../../simulate/jobs/messages.ts';
import type { PipelineFactorySpec, PluginRunMode } from '../../simulate/threads/messages.ts';

export type JobProgress = Extract<JobReply, { type: 'progress' }>;

/** Builds a pipeline spec that runs these plugins (the composition root's `pluginPipelineFactory`). */
export type PluginPipeline = (builds: readonly BuiltPlugin[], mode: PluginRunMode) => PipelineFactorySpec;

/**
 * A job as it travels to whoever runs it, as plain data: the task, and the client's plugin builds
 * when its strategies call plugins. The builds travel, not a pipeline spec, because a spec names a
 * module by its path in this install, which another machine's install may not share.
 */
export interface JobWork {
  /** Without `pipeline`: the runner adds its own from `plugins`. */
  task: SimulateTask;
  plugins?: { builds: BuiltPlugin[]; seed: number };
}

/** A job's task running: its outcome, or a cancel that ends it with `cancelled`. */
export interface TaskRun {
  readonly outcome: Promise<JobOutcome>;
  cancel(): Promise<void>;
}

export type JobRunner = (work: JobWork, onProgress: (progress: JobProgress) => void) => TaskRun;

/**
 * Runs jobs in job threads, here. A job whose strategies call plugins runs them through this
 * process's `pluginPipeline`, and is refused by a process that has none.
 */
export function threadRunner(pluginPipeline: PluginPipeline | undefined): JobRunner {
  return (work, onProgress) => {
    const pipeline =
      work.plugins && pluginPipeline?.(work.plugins.builds, { kind: 'replay', seed: work.plugins.seed });
    if (work.plugins && !pipeline) {
      return {
        outcome: Promise.resolve({
          type: 'refused',
          code: 'plugins_not_simulated',
          message: 'the strategies call plugins, and the process that took this job runs none',
        }),
        cancel: async () => undefined,
      };
    }
    const task = pipeline ? { ...work.task, pipeline } : work.task;
    const thread = new JobThread(task, onProgress);
    return { outcome: thread.outcome, cancel: () => thread.cancel() };
  };
}
