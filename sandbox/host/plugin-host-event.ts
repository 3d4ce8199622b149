export type WorkerExitReason = 'crashed' | 'watchdog' | 'start_timeout' | 'closed';

/** What the pool tells its owner, for logs and metrics; plugin results never depend on listening. */
export type PluginHostEvent =
  | { type: 'worker_started'; worker: number; pid: number; startMs: number }
  | {
      type: 'worker_exited';
      worker: number;
      pid: number;
      reason: WorkerExitReason;
      code: number | null;
      signal: string | null;
      /** Last lines the process wrote to stderr (V8's fatal-error report when a plugin killed it). */
      stderrTail: string;
    };
