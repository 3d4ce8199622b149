import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobReply, JobTask } from './messages.ts';

/**
 * In a build (ORDERGRAPH_DIST) the job thread's own bundle beside this one (`import.meta.dirname`: the
 * build rewrites only `import.meta.url`); run from the TypeScript source (tsx, vitest) job-boot.js,
 * which registers tsx in the thread first.
 */
const JOB_ENTRY =
  typeof ORDERGRAPH_DIST !== 'undefined'
    ? pathToFileURL(join(import.meta.dirname, 'simulation-job.js'))
    : new URL('./job-boot.js', import.meta.url);

/** What a job thread ended with: its last reply, or why it ended without one. */
export type JobOutcome =
  | Extract<JobReply, { type: 'scanned' | 'simulated' | 'refused' | 'failed' }>
  | { type: 'cancelled' };

/**
 * One task in a thread of its own, so a simulation's reading, merging and diffing never hold the
 * server's event loop, and a cancel is a terminate: nothing of the run survives it.
 */
export class JobThread {
  readonly outcome: Promise<JobOutcome>;
  private readonly worker: Worker;
  private cancelled = false;

  constructor(task: JobTask, onProgress: (reply: Extract<JobReply, { type: 'progress' }>) => void) {
    this.worker = new Worker(JOB_ENTRY, { workerData: task });
    this.outcome = new Promise<JobOutcome>((resolve) => {
      let last: JobOutcome | undefined;
      this.worker.on('message', (reply: JobReply) => {
        if (reply.type === 'progress') onProgress(reply);
        else last = reply;
      });
      this.worker.on('error', (error) => {
        last ??= { type: 'failed', message: error.message };
      });
      this.worker.on('exit', (code) => {
        if (this.cancelled) resolve({ type: 'cancelled' });
        else resolve(last ?? { type: 'failed', message: `the job thread stopped (exit code ${code})` });
      });
    });
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.worker.terminate();
  }
}
