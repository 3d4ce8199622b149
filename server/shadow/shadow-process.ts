import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OrdergraphError } from '../../engine/errors/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { DivergenceReport } from './divergence-tally.ts';
import type { ShadowItem, ShadowReply, ShadowRequest, ShadowStart } from './messages.ts';

/**
 * In a build (ORDERGRAPH_DIST) the shadow's own bundle beside this one (`import.meta.dirname`: the
 * build rewrites only `import.meta.url`); run from the TypeScript source, main.ts through tsx.
 */
function shadowEntry(): { file: string; execArgv: string[] } {
  if (typeof ORDERGRAPH_DIST !== 'undefined') {
    return { file: join(import.meta.dirname, 'shadow-process.js'), execArgv: [] };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: fileURLToPath(new URL('./shadow-main.ts', import.meta.url)), execArgv: ['--import', tsx] };
}

/**
 * The shadow's lowest priority. Linux keeps a nice value per thread and V8 starts its GC and compiler
 * threads before any of our code runs, so a process that nices itself leaves them at the server's
 * priority, competing with evaluate; started through nice(1), every thread of it is niced.
 */
const SHADOW_NICE = 19;
const NICE = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path));

function forkShadow(): ChildProcess {
  const entry = shadowEntry();
  return fork(entry.file, [], {
    ...(NICE
      ? { execPath: NICE, execArgv: ['-n', String(SHADOW_NICE), process.execPath, ...entry.execArgv] }
      : { execArgv: entry.execArgv }),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The shadow of a client stopped, or never started: its tally is gone with it. */
export class ShadowStoppedError extends OrdergraphError {
  readonly code = 'shadow_failed';

  constructor(
    readonly clientId: string,
    reason: string,
  ) {
    super(`the shadow of client "${clientId}" ended: ${reason}`);
  }
}

/**
 * Orders go to the shadow at most this often, or as soon as this many wait: every hand-off wakes
 * the shadow and its answer wakes evaluate's event loop, and on a virtual machine a wake-up across
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
 * The evaluate side of one shadow, which decides in a process of its own: its heap, its garbage
 * collection and its compiler threads are apart from the server's, all at the lowest priority, and a
 * shadow that crashes or runs out of memory takes nothing of the server with it. `offer` is called
 * inside evaluate's turn, so it only serialises the item (about 10 µs) into a buffer, handed to the
 * process later in one message; while the shadow is `limit` orders behind, offers are counted as
 * dropped instead of queued, so a slow shadow costs memory up to a bound and never time.
 */
export class ShadowProcess {
  /** Resolves once the candidate's pipeline is built; rejects with why it could not be. */
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
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
  private failure: ShadowStoppedError | undefined;
  private readonly clientId: string;
  private readonly exited: Promise<void>;

  constructor(
    start: ShadowStart,
    private readonly limit: number,
  ) {
    this.clientId = start.clientId;
    this.child = forkShadow();
    // A shadow never keeps the server's process alive.
    this.child.unref();
    this.child.channel?.unref();
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (reason: string) => {
        this.failure ??= new ShadowStoppedError(this.clientId, reason);
        reject(this.failure);
        for (const waiting of this.reports.values()) waiting.reject(this.failure);
        this.reports.clear();
      };
      this.child.on('message', (reply: ShadowReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'decided') this.inFlight -= reply.count;
        else if (reply.type === 'failed') fail(reply.message);
        else {
          this.reports.get(reply.id)?.resolve(reply.report);
          this.reports.delete(reply.id);
        }
      });
      this.child.on('error', (error) => fail(error.message));
      this.child.on('exit', (code, signal) => fail(`its process ended (${signal ?? `exit code ${code}`})`));
    });
    // Awaited by whoever starts the shadow; a failure later is read from `failed`.
    this.ready.catch(() => undefined);
    this.send({ type: 'start', start });
  }

  /** Why the shadow stopped, once it has. */
  get failed(): ShadowStoppedError | undefined {
    return this.failure;
  }

  get flow(): ShadowFlow {
    return { pending: this.inFlight, dropped: this.dropped };
  }

  /** The shadow's process id, while it runs. */
  get pid(): number | undefined {
    return this.child.pid;
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

  /** Live's state was replaced: the shadow's copy is, after the orders offered before. */
  replaceState(snapshot: StateSnapshot): void {
    if (this.failure) return;
    this.flush();
    this.send({ type: 'state', snapshot });
  }

  async stop(): Promise<void> {
    this.failure ??= new ShadowStoppedError(this.clientId, 'stopped on request');
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
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
    // A write to a process that just ended fails here; its 'exit' says why.
    if (this.child.connected) this.child.send(request, (error) => error && undefined);
  }
}
