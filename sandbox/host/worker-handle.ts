import type { ChildProcess } from 'node:child_process';
import type { PluginHostConfig } from '../config.ts';
import type { Failure } from '../failure.ts';
import {
  type HostRequest,
  type PublishTable,
  type WorkerMessage,
  WorkerMessageSchema,
  type WorkerReply,
} from '../protocol/messages.ts';
import type { PluginHostEvent, WorkerExitReason } from './plugin-host-event.ts';
import { spawnWorker } from './spawn-worker.ts';

/** What a request ends with: the worker's reply, or the worker lost while holding it. */
export type Reply = WorkerReply | { type: 'lost'; error: Failure };

type Outgoing = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  readonly message: Outgoing;
  readonly deadlineMs: number;
  readonly resolve: (reply: Reply) => void;
}

export interface WorkerHandleOptions {
  readonly index: number;
  readonly config: PluginHostConfig;
  /** Tables every fresh process must hold before it serves a request. */
  readonly tables: () => Iterable<PublishTable>;
  readonly onEvent: (event: PluginHostEvent) => void;
}

const STDERR_TAIL_CHARS = 4_000;

/**
 * One supervised worker process. Requests are sent one at a time, so when the process dies or goes
 * silent exactly one request is to blame; the queued ones go to its replacement. A request that outlives
 * its deadline gets the process killed.
 */
export class WorkerHandle {
  private child: ChildProcess | null = null;
  private ready = false;
  private killReason: WorkerExitReason | null = null;
  private inFlight: (Pending & { id: number }) | null = null;
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private stderrTail = '';
  private closing: (() => void) | null = null;
  private closed: Promise<void> | null = null;
  /** Plugin keys whose code this process has received; emptied when the process is replaced. */
  private readonly known = new Set<string>();

  constructor(private readonly options: WorkerHandleOptions) {}

  /** Requests held, in flight included: the pool sends new work to the least busy worker. */
  get load(): number {
    return this.queue.length + (this.inFlight === null ? 0 : 1);
  }

  knows(key: string): boolean {
    return this.known.has(key);
  }

  forget(key: string): void {
    this.known.delete(key);
  }

  request(message: Outgoing, deadlineMs: number): Promise<Reply> {
    return new Promise((resolve) => {
      this.queue.push({ message, deadlineMs, resolve });
      this.pump();
    });
  }

  publish(table: PublishTable): void {
    if (this.child !== null) this.child.send(table);
  }

  /** Lets queued and in-flight requests finish, then stops the process. */
  close(): Promise<void> {
    this.closed ??= new Promise((resolve) => {
      this.closing = resolve;
      this.pump();
    });
    return this.closed;
  }

  private pump(): void {
    if (this.queue.length === 0 && this.inFlight === null && this.closing !== null) {
      if (this.child === null) this.closing();
      else this.kill('closed');
      return;
    }
    if (this.queue.length === 0) return;
    if (this.child === null) this.start();
    if (!this.ready || this.inFlight !== null) return;
    const next = this.queue.shift();
    if (next !== undefined) this.dispatch(next);
  }

  private dispatch(pending: Pending): void {
    const id = this.nextId++;
    const message = this.withoutKnownCode(pending.message);
    this.child?.send({ ...message, id });
    if (message.type !== 'unload') this.known.add(message.key);
    this.inFlight = { ...pending, id };
    this.timer = setTimeout(() => this.kill('watchdog'), pending.deadlineMs);
  }

  /** The code travels once per process: after that the worker keeps it. */
  private withoutKnownCode(message: Outgoing): Outgoing {
    if (message.type !== 'call' || !this.known.has(message.key)) return message;
    const { code: _sent, ...rest } = message;
    return rest;
  }

  private start(): void {
    const child = spawnWorker(this.options.config);
    this.child = child;
    this.ready = false;
    this.killReason = null;
    this.stderrTail = '';
    const startedAt = performance.now();
    this.timer = setTimeout(() => this.kill('start_timeout'), this.options.config.startTimeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
    });
    child.on('message', (raw) => this.onMessage(child, raw, startedAt));
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    // Not `once`: every send to a dead channel emits another 'error', and an unheard one would throw.
    child.on('error', () => {
      child.kill('SIGKILL');
      this.onExit(child, null, null);
    });
    for (const table of this.options.tables()) child.send(table);
  }

  private onMessage(child: ChildProcess, raw: unknown, startedAt: number): void {
    if (child !== this.child) return;
    const parsed = WorkerMessageSchema.safeParse(raw);
    // A worker that breaks the protocol is not trusted with anything more.
    if (!parsed.success) {
      this.kill('crashed');
      return;
    }
    const message: WorkerMessage = parsed.data;
    if (message.type === 'ready') {
      clearTimeout(this.timer);
      this.ready = true;
      this.emit({
        type: 'worker_started',
        worker: this.options.index,
        pid: child.pid ?? -1,
        startMs: performance.now() - startedAt,
      });
      this.pump();
      return;
    }
    const pending = this.inFlight;
    if (pending === null || message.id !== pending.id) {
      this.kill('crashed');
      return;
    }
    clearTimeout(this.timer);
    this.inFlight = null;
    pending.resolve(message);
    this.pump();
  }

  /** Delivered after the state change that caused it, so a throwing listener cannot leave a request unanswered. */
  private emit(event: PluginHostEvent): void {
    queueMicrotask(() => this.options.onEvent(event));
  }

  private kill(reason: WorkerExitReason): void {
    this.killReason ??= reason;
    this.child?.kill('SIGKILL');
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    clearTimeout(this.timer);
    const reason = this.killReason ?? 'crashed';
    const wasReady = this.ready;
    this.child = null;
    this.ready = false;
    this.known.clear();
    this.emit({
      type: 'worker_exited',
      worker: this.options.index,
      pid: child.pid ?? -1,
      reason,
      code,
      signal,
      stderrTail: this.stderrTail,
    });
    const lost = this.inFlight ?? (wasReady ? undefined : this.queue.shift());
    this.inFlight = null;
    // A process that dies before it is ready takes one queued request with it, so a worker that cannot
    // start at all drains the queue with failures instead of restarting forever.
    lost?.resolve({ type: 'lost', error: lostFailure(reason, signal, wasReady) });
    if (wasReady && this.closing === null && this.queue.length === 0) this.start();
    else this.pump();
  }
}

function lostFailure(reason: WorkerExitReason, signal: NodeJS.Signals | null, wasReady: boolean): Failure {
  if (reason === 'watchdog') {
    return { code: 'plugin_timeout', message: 'the plugin stopped responding and its worker was restarted' };
  }
  if (reason === 'start_timeout')
    return { code: 'plugin_crashed', message: 'the sandbox worker did not start in time' };
  const how = signal === null ? '' : ` (${signal})`;
  return {
    code: 'plugin_crashed',
    message: wasReady
      ? `the sandbox worker died${how} while running this plugin`
      : `the sandbox worker died${how} while starting`,
  };
}
