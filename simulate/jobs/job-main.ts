import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { OrdergraphError } from '../../engine/errors/index.ts';
import { InvalidStrategiesError } from '../strategy-set.ts';
import type { JobReply, JobTask } from './messages.ts';
import { runSimulationTask } from './run-simulation-task.ts';
import { scanHistory } from './scan-history.ts';

/**
 * A job thread: one task, then it ends. Cancelling a job terminates the thread, and with it the
 * simulation's own worker threads, which it started.
 */
const task = workerData as JobTask;
const post = (reply: JobReply) => parentPort!.postMessage(reply);

/**
 * Jobs share the machine with the server's event loop, which answers evaluate. On Linux a thread's
 * nice value is its own (setpriority of pid 0 is this thread), and the threads it starts (simulate's
 * prepare and decide threads) inherit it: the job takes what CPU evaluate leaves. Lowering priority
 * needs no privilege; where it is not supported the job runs at normal priority.
 */
const JOB_NICE = 19;
try {
  setPriority(JOB_NICE);
} catch {
  // Not supported here: the job runs at the server's priority.
}

try {
  if (task.role === 'scan') {
    const scanned = await scanHistory({
      ...task,
      onProgress: (progress, rows) => post({ type: 'progress', phase: 'reading', progress, orders: rows }),
    });
    post({ type: 'scanned', ...scanned });
  } else {
    await runSimulationTask(task, post);
  }
} catch (error) {
  // Our typed errors are the input's or the strategies' fault, named for the caller; anything else is a bug.
  if (error instanceof InvalidStrategiesError) {
    const detail = error.broken
      .map((b) => `${b.file}: ${b.issues.map((i) => i.message).join('; ')}`)
      .join(' | ');
    post({ type: 'refused', code: error.code, message: `${error.message}: ${detail}` });
  } else if (error instanceof OrdergraphError) {
    post({ type: 'refused', code: error.code, message: error.message });
  } else {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
