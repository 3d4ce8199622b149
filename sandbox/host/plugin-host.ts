import { z } from 'zod';
import {
  type CallOptions,
  type PluginDefinition,
  type PluginFailure,
  type PluginRef,
  PluginRefSchema,
  type PluginResult,
  type PluginRunner,
} from '../../plugins/sdk/index.ts';
import { type PluginHostConfig, type PluginHostConfigInput, parsePluginHostConfig } from '../config.ts';
import { PluginHostError } from '../errors/plugin-host-error.ts';
import { batchFailure, type Failure, pluginFailure } from '../failure.ts';
import { pluginKey } from '../plugin-key.ts';
import { type Clock, type PublishTable, PublishTableSchema } from '../protocol/messages.ts';
import { zodSummary } from '../zod-summary.ts';
import { type OutputCheck, readEnvelope } from './envelope.ts';
import type { PluginHostEvent } from './plugin-host-event.ts';
import { type Reply, WorkerHandle } from './worker-handle.ts';

export interface PluginHostOptions extends PluginHostConfigInput {
  onEvent?: (event: PluginHostEvent) => void;
}

export type LoadResult<T> = { ok: true; plugin: LoadedPlugin<T> } | { ok: false; error: PluginFailure };

/** A loaded plugin, typed by its output schema. */
export interface LoadedPlugin<T> {
  readonly ref: PluginRef;
  callBatch(inputs: readonly unknown[], options?: CallOptions): Promise<PluginResult<T>[]>;
}

interface Registered {
  readonly ref: PluginRef;
  readonly code: string;
  readonly check: OutputCheck | undefined;
}

const MAX_CODE_CHARS = 5_000_000;
const DefinitionSchema = PluginRefSchema.extend({ code: z.string().min(1).max(MAX_CODE_CHARS) });
const ClockInputSchema = z.object({
  seed: z.number().int().min(0).max(0xffff_ffff),
  now: z.iso.datetime({ offset: true }),
});

/**
 * Runs untrusted plugin code for the engine: a pool of supervised worker processes, each holding
 * isolates. Every input gets exactly one result, success or a typed failure; plugin misbehaviour never
 * rejects a promise. Throws (PluginHostError) only for the caller's own mistakes.
 */
export class PluginHost implements PluginRunner {
  private readonly config: PluginHostConfig;
  private readonly workers: WorkerHandle[];
  private readonly plugins = new Map<string, Registered>();
  private readonly tables = new Map<string, PublishTable>();
  private closed = false;

  constructor(options: PluginHostOptions = {}) {
    const { onEvent = () => {}, ...config } = options;
    this.config = parsePluginHostConfig(config);
    this.workers = Array.from(
      { length: this.config.workers },
      (_, index) =>
        new WorkerHandle({ index, config: this.config, tables: () => this.tables.values(), onEvent }),
    );
  }

  /**
   * Builds the plugin's isolate once to surface compile and top-level errors, then registers it. Loading
   * a ref again replaces its code; a load that fails leaves the previous code, if any, in place.
   */
  async load<T = unknown>(definition: PluginDefinition<T>): Promise<LoadResult<T>> {
    this.assertOpen();
    const parsed = DefinitionSchema.safeParse(definition);
    if (!parsed.success) throw invalid('plugin definition', parsed.error);
    const { code, ...ref } = parsed.data;
    const key = pluginKey(ref);
    const reply = await this.pick(key).request({ type: 'load', key, code }, this.loadDeadline());
    // Whatever each worker holds for this key now (the new code, the old, or none after a failed build),
    // its next call carries the registered code again, and a worker holding other code rebuilds.
    for (const worker of this.workers) worker.forget(key);
    const failure = replyFailure(reply, 'loaded');
    if (failure !== undefined) return pluginFailure(ref.pluginId, failure);
    const schema = definition.outputSchema;
    this.plugins.set(key, { ref, code, check: schema === undefined ? undefined : schemaCheck(schema) });
    return {
      ok: true,
      plugin: {
        ref,
        // The values passed `schema`, which is what makes them T.
        callBatch: (inputs, options) => this.callBatch(ref, inputs, options) as Promise<PluginResult<T>[]>,
      },
    };
  }

  /** One result per input, in input order. */
  async callBatch(
    ref: PluginRef,
    inputs: readonly unknown[],
    options: CallOptions = {},
  ): Promise<PluginResult[]> {
    this.assertOpen();
    const key = pluginKey(ref);
    const plugin = this.plugins.get(key);
    if (plugin === undefined) throw new PluginHostError('plugin_not_loaded', `plugin ${key} is not loaded`);
    if (inputs.length === 0) return [];
    const clocks = toClocks(options.deterministic, inputs.length);
    const count = inputs.length;
    const reply = await this.pick(key).request(
      { type: 'call', key, code: plugin.code, inputs: inputsJson(inputs), count, clocks },
      this.callDeadline(count),
    );
    if (reply.type === 'result')
      return readEnvelope(reply.envelope, inputs.length, ref.pluginId, plugin.check);
    // A worker lost while running the batch (a crash, the watchdog) cannot say which input did it.
    const failure =
      reply.type === 'lost'
        ? batchFailure(reply.error, count)
        : (replyFailure(reply, 'result') ?? SANDBOX_FAILURE);
    return inputs.map(() => pluginFailure(ref.pluginId, failure));
  }

  async unload(ref: PluginRef): Promise<void> {
    this.assertOpen();
    const key = pluginKey(ref);
    this.plugins.delete(key);
    const holders = this.workers.filter((worker) => worker.knows(key));
    for (const worker of holders) worker.forget(key);
    await Promise.all(holders.map((worker) => worker.request({ type: 'unload', key }, this.loadDeadline())));
  }

  /** Publishes a read-only table that plugins read one key at a time with `ctx.lookup(name, key)`. */
  publishTable(name: string, entries: Readonly<Record<string, unknown>>): void {
    this.assertOpen();
    const parsed = PublishTableSchema.safeParse({ type: 'table', name, entries });
    if (!parsed.success) throw invalid('table', parsed.error);
    const table = parsed.data;
    try {
      // Checked here, where the caller can be told, rather than when a worker is (re)started.
      structuredClone(table);
    } catch (error) {
      throw new PluginHostError('plugin_input_invalid', `table ${name} cannot be copied: ${String(error)}`);
    }
    this.tables.set(name, table);
    for (const worker of this.workers) worker.publish(table);
  }

  /** Lets every accepted request finish, then stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private assertOpen(): void {
    if (this.closed) throw new PluginHostError('plugin_host_closed', 'the plugin host is closed');
  }

  /** The least busy worker; among equals, one that already holds the plugin's code. */
  private pick(key: string): WorkerHandle {
    let best = this.workers[0]!;
    for (const worker of this.workers) {
      if (worker.load < best.load || (worker.load === best.load && worker.knows(key) && !best.knows(key))) {
        best = worker;
      }
    }
    return best;
  }

  private loadDeadline(): number {
    return this.config.loadTimeoutMs + this.config.watchdogMs;
  }

  /** Every budget the worker may legitimately spend (a rebuild, the batch, collecting it) plus the grace. */
  private callDeadline(inputs: number): number {
    return this.config.loadTimeoutMs + this.config.callTimeoutMs * (inputs + 1) + this.config.watchdogMs;
  }
}

const SANDBOX_FAILURE: Failure = { code: 'plugin_error', message: 'sandbox failure: unexpected reply' };

/** The failure a reply carries; undefined when it is the success the request expected. */
function replyFailure(reply: Reply, expected: 'loaded' | 'result'): Failure | undefined {
  switch (reply.type) {
    case 'lost':
    case 'failed':
      return reply.error;
    case 'loaded':
      return expected === 'loaded' ? (reply.error ?? undefined) : SANDBOX_FAILURE;
    case 'result':
      return expected === 'result' ? undefined : SANDBOX_FAILURE;
    default:
      return SANDBOX_FAILURE;
  }
}

function schemaCheck<T>(schema: z.ZodType<T>): OutputCheck {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      message: `output does not match the plugin's schema: ${zodSummary(parsed.error).slice(0, 500)}`,
    };
  };
}

function toClocks(deterministic: CallOptions['deterministic'], count: number): Clock[] | null {
  if (deterministic === undefined) return null;
  const list = Array.isArray(deterministic) ? deterministic : [deterministic];
  if (list.length !== 1 && list.length !== count) {
    throw new PluginHostError(
      'plugin_input_invalid',
      `give one deterministic clock or one per input (${count})`,
    );
  }
  const parsed = z.array(ClockInputSchema).safeParse(list);
  if (!parsed.success) throw invalid('deterministic clock', parsed.error);
  return parsed.data.map((clock) => ({ seed: clock.seed, nowMs: Date.parse(clock.now) }));
}

/** Inputs are JSON by contract: Dates become strings, functions and undefined vanish, as JSON has it. */
function inputsJson(inputs: readonly unknown[]): string {
  try {
    return JSON.stringify(inputs);
  } catch (error) {
    throw new PluginHostError('plugin_input_invalid', `inputs are not JSON: ${String(error)}`);
  }
}

function invalid(what: string, error: z.ZodError): PluginHostError {
  return new PluginHostError('plugin_input_invalid', `invalid ${what}: ${zodSummary(error)}`);
}
