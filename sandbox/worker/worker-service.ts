import type { IsolateLimits } from '../config.ts';
import type { Failure } from '../failure.ts';
import type { CallRequest, HostMessage, WorkerReply } from '../protocol/messages.ts';
import { IsolateCache } from './isolate-cache.ts';
import { type CreateOutcome, PluginIsolate } from './plugin-isolate.ts';
import { TableStore } from './table-store.ts';

const NOT_LOADED: Failure = {
  code: 'plugin_error',
  message: 'sandbox failure: plugin not loaded in this worker',
};

/**
 * Everything one worker process does, free of IPC: keeps plugin sources (small, kept while loaded) apart
 * from isolates (large, evicted and rebuilt from the source on demand).
 */
export class WorkerService {
  private readonly sources = new Map<string, string>();
  private readonly isolates: IsolateCache;
  private readonly tables = new TableStore();
  private readonly lookup = (table: unknown, key: unknown) => this.tables.lookup(table, key);

  constructor(private readonly limits: IsolateLimits) {
    this.isolates = new IsolateCache(limits.maxIsolates);
  }

  handle(message: HostMessage): WorkerReply | undefined {
    switch (message.type) {
      case 'table':
        this.tables.publish(message.name, message.entries);
        return undefined;
      case 'load': {
        this.register(message.key, message.code);
        const built = this.build(message.key, message.code);
        if (!built.ok) this.sources.delete(message.key);
        return { type: 'loaded', id: message.id, error: built.ok ? null : built.error };
      }
      case 'call':
        return this.call(message);
      case 'unload':
        this.sources.delete(message.key);
        this.isolates.delete(message.key);
        return { type: 'unloaded', id: message.id };
    }
  }

  private call(message: CallRequest): WorkerReply {
    if (message.code !== undefined) this.register(message.key, message.code);
    let isolate = this.isolates.get(message.key);
    if (isolate === undefined) {
      const source = this.sources.get(message.key);
      if (source === undefined) return { type: 'failed', id: message.id, error: NOT_LOADED };
      const built = this.build(message.key, source);
      if (!built.ok) return { type: 'failed', id: message.id, error: built.error };
      isolate = built.isolate;
    }
    const outcome = isolate.runBatch(message.inputs, message.count, message.clocks);
    if (outcome.retire) this.isolates.delete(message.key);
    return outcome.ok
      ? { type: 'result', id: message.id, envelope: outcome.envelope }
      : { type: 'failed', id: message.id, error: outcome.error };
  }

  /** A new build of a key already held (the host re-sent it after replacing the code) drops the old isolate. */
  private register(key: string, code: string): void {
    if (this.sources.get(key) !== code) this.isolates.delete(key);
    this.sources.set(key, code);
  }

  private build(key: string, source: string): CreateOutcome {
    const built = PluginIsolate.create(source, this.limits, this.lookup);
    if (built.ok) this.isolates.set(key, built.isolate);
    return built;
  }
}
