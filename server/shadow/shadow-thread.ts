import { Worker } from 'node:worker_threads';
import { OrdergraphError } from '../../engine/errors/index.ts';
import type { DivergenceReport } from './divergence-tally.ts';
import type { ShadowItem, ShadowReply, ShadowRequest, ShadowWorkerData } from './messages.ts';

/**
 * In dist/ (ORDERGRAPH_DIST) the shadow thread's own bundle; run from the TypeScript source (tsx,
 * vitest) shadow-boot.js, which registers tsx in the thread first.
 */
const SHADOW_ENTRY =
  typeof ORDERGRAPH_DIST !== 'undefined'
    ? new URL('../../dist/shadow-thread.js', import.meta.url)
    : new URL('./shadow-boot.js', import.meta.url);

/** The shadow thread of a client stopped, or never started: its tally is gone with it. */
export class ShadowThreadError extends OrdergraphError {
  readonly code = 'shadow_failed';

  constructor(
    readonly clientId: string,
    reason: string,
  ) {
    super(`the shadow of client "${clientId}" ended: ${reason}`);
  }
}

/**
 * Orders go to the thread at most this often, or as soon as this many wait: every hand-off wakes
 * the thread and its answer wakes evaluate's event loop, and on a virtual machine a wake-up across
 * cores costs more than the message. A shadow does not need its orders sooner. At 50 ms, evaluate's
 * p99 at a quarter of capacity rose 44 % with a shadow; at 250 ms it stayed within the noise
 * (`BENCH_MODE=open npm run bench:shadow`, notes of session 5 of issue 14).
 */
const HANDOFF_MS = 250;
const HANDOFF_ORDERS = 200;

/** What the sending side knows: orders it did not send, and orders sent and not yet decided. */
export interface ShadowFlow {
  pending: number;
  dropped: number;
}

/**
 * The evaluate side of one shadow thread. `offer` is called inside evaluate's turn, so it only
 * serialises the item (about 10 µs) into a buffer, handed to the thread later in one message; while
 * the thread is `limit` orders behind, offers are counted as dropped instead of queued, so a slow
 * shadow costs memory up to a bound and never time.
 */
export class ShadowThread {
  /** Resolves once the candidate's pipeline is built; rejects with why it could not be. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  /** Offered items, each as its JSON text. */
  private buffer: string[] = [];
  private handoff: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private dropped = 0;
  private nextReport = 0;
  private readonly reports = new Map<
    number,
    { resolve: (report: DivergenceReport) => void; reject: (error: Error) => void }
  >();
  private failure: ShadowThreadError | undefined;
  private readonly clientId: string;

  constructor(
    data: ShadowWorkerData,
    private readonly limit: number,
  ) {
    this.clientId = data.clientId;
    this.worker = new Worker(SHADOW_ENTRY, { workerData: data });
    // A shadow never keeps the server's process alive.
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (reason: string) => {
        this.failure ??= new ShadowThreadError(this.clientId, reason);
        reject(this.failure);
        for (const waiting of this.reports.values()) waiting.reject(this.failure);
        this.reports.clear();
      };
      this.worker.on('message', (reply: ShadowReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'decided') this.inFlight -= reply.count;
        else if (reply.type === 'failed') fail(reply.message);
        else {
          this.reports.get(reply.id)?.resolve(reply.report);
          this.reports.delete(reply.id);
        }
      });
      this.worker.on('error', (error) => fail(error.message));
      this.worker.on('exit', (code) => fail(`its thread ended (exit code ${code})`));
    });
    // Awaited by whoever starts the shadow; a failure later is read from `failed`.
    this.ready.catch(() => undefined);
  }

  /** Why the thread stopped, once it has. */
  get failed(): ShadowThreadError | undefined {
    return this.failure;
  }

  get flow(): ShadowFlow {
    return { pending: this.inFlight, dropped: this.dropped };
  }

  offer(item: ShadowItem): void {
    if (this.failure) return;
    if (this.inFlight >= this.limit) {
      this.dropped++;
      return;
    }
    this.inFlight++;
    this.buffer.push(JSON.stringify(item));
    if (this.buffer.length === HANDOFF_ORDERS) setImmediate(() => this.flush());
    else if (!this.handoff) {
      this.handoff = setTimeout(() => this.flush(), HANDOFF_MS);
      this.handoff.unref();
    }
  }

  /** The tally so far, once every order offered before the call is decided. */
  report(): Promise<DivergenceReport> {
    if (this.failure) return Promise.reject(this.failure);
    this.flush();
    const id = this.nextReport++;
    return new Promise<DivergenceReport>((resolve, reject) => {
      this.reports.set(id, { resolve, reject });
      this.send({ type: 'report', id });
    });
  }

  async stop(): Promise<void> {
    this.failure ??= new ShadowThreadError(this.clientId, 'stopped on request');
    await this.worker.terminate();
  }

  private flush(): void {
    clearTimeout(this.handoff);
    this.handoff = undefined;
    if (this.buffer.length === 0 || this.failure) return;
    const json = `[${this.buffer.join(',')}]`;
    this.buffer = [];
    this.send({ type: 'orders', json });
  }

  private send(request: ShadowRequest): void {
    this.worker.postMessage(request);
  }
}
