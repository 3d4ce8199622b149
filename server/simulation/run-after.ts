import type { TaskRun } from './job-runner.ts';

/**
 * A run that starts once `setUp` gives what it needs, held from the moment it is asked for: a cancel
 * that comes while it is set up ends it `cancelled` and it never starts, where a run handed over
 * only after its setup missed such a cancel (or a stop) and went on to the end. A setup that fails
 * rejects the outcome with its error.
 */
export function runAfter<T>(setUp: Promise<T>, start: (value: T) => TaskRun): TaskRun {
  let cancelled = false;
  let started: TaskRun | undefined;
  const outcome = setUp.then((value) => {
    if (cancelled) return { type: 'cancelled' as const };
    started = start(value);
    return started.outcome;
  });
  return {
    outcome,
    cancel: async () => {
      cancelled = true;
      await started?.cancel();
    },
  };
}
