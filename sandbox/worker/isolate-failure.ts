import type ivm from 'isolated-vm';
import type { Failure } from '../failure.ts';

const TIMED_OUT = 'Script execution timed out.';

/**
 * Names what stopped an isolate entry. Plugin exceptions never arrive here (the runner catches them
 * inside the isolate), so this sees only isolated-vm's own errors: a timeout, or the isolate disposed
 * for exceeding its memory limit.
 */
export function isolateFailure(
  error: unknown,
  isolate: ivm.Isolate,
  budgetMs: number,
  memoryLimitMb: number,
): Failure {
  if (isolate.isDisposed)
    return { code: 'plugin_memory', message: `exceeded the memory limit of ${memoryLimitMb} MB` };
  const message = error instanceof Error ? error.message : String(error);
  if (message === TIMED_OUT) return timeoutFailure(budgetMs);
  return { code: 'plugin_error', message: `sandbox failure: ${message.slice(0, 200)}` };
}

export function timeoutFailure(budgetMs: number): Failure {
  return { code: 'plugin_timeout', message: `exceeded the CPU budget of ${budgetMs} ms` };
}

/** Stopped by the clock before it had used its CPU budget: the machine was busy, not the plugin. */
export function busyFailure(budgetMs: number, spentMs: number): Failure {
  return {
    code: 'plugin_timeout',
    message: `stopped by the clock having used ${Math.round(spentMs)} of its ${budgetMs} ms of CPU: the machine was busy`,
  };
}
