import { type ResourceLimits, type TransferListItem, Worker } from 'node:worker_threads';
import type { DecideWorkerData, PrepareWorkerData } from './messages.ts';
import { WORKER_ENTRY } from './worker-entry.ts';
import { WorkerMemoryError } from './worker-memory-error.ts';

/**
 * Each worker's young generation: 12 MB makes V8 semi-spaces of 4 MB. Orders parsed to be prepared
 * or decided die young, so a larger young generation holds garbage: with V8's default (semi-spaces
 * of up to 16 MB) a 1 M-order run with baseline and candidate peaked at 397–445 MB, with this cap at
 * 345–350 MB (200 k orders: 319–345 against 266–282 MB), for 4 % more time (issue 18). Semi-spaces
 * of 2 MB saved no more and cost 15 %.
 */
const YOUNG_GENERATION_MB = 12;

/**
 * One worker thread with typed messages. `failure` rejects when the worker throws or exits on its
 * own: a bug (workers report bad rows as data) or a heap too small, and the run stops with it.
 */
export class ThreadHandle<Request, Reply> {
  readonly failure: Promise<never>;
  private readonly worker: Worker;
  private stopping = false;
  private listener: (reply: Reply) => void = () => undefined;

  constructor(data: PrepareWorkerData | DecideWorkerData, heapMb: number) {
    // A cap on the old generation makes V8 collect before it grows: without one, a decider's heap
    // grew with the run (garbage, not state), which is memory growing with the input.
    const resourceLimits: ResourceLimits = {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    };
    this.worker = new Worker(WORKER_ENTRY, { workerData: data, resourceLimits });
    this.worker.on('message', (reply: Reply) => this.listener(reply));
    this.failure = new Promise<never>((_, reject) => {
      this.worker.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new WorkerMemoryError(data.role, heapMb));
        } else {
          reject(new Error(`a ${data.role} worker failed: ${error.message}`));
        }
      });
      this.worker.on('exit', (code) => {
        if (!this.stopping)
          reject(new Error(`a ${data.role} worker stopped unexpectedly (exit code ${code})`));
      });
    });
    // Observed through Promise.race by whoever waits on the worker; never an unhandled rejection.
    this.failure.catch(() => undefined);
  }

  listen(listener: (reply: Reply) => void): void {
    this.listener = listener;
  }

  post(request: Request, transfer: TransferListItem[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }
}
