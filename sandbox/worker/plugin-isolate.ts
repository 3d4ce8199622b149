import { readFileSync } from 'node:fs';
import ivm from 'isolated-vm';
import type { IsolateLimits } from '../config.ts';
import { batchFailure, type Failure, FailureSchema } from '../failure.ts';
import type { Clock } from '../protocol/messages.ts';
import { CpuBudget } from './cpu-budget.ts';
import { busyFailure, isolateFailure, timeoutFailure } from './isolate-failure.ts';
import type { LookupAnswer } from './table-store.ts';

const PRELUDE = readFileSync(new URL('./prelude.js', import.meta.url), 'utf8');

/** The runner the prelude's `install` returns (see prelude.js); null from an entry point: the runner broke. */
interface Runner {
  /** Set when the plugin's code did not load. */
  error: unknown;
  open: (inputsJson: string, clocks: Clock[] | null, firstSlice: boolean) => number | null;
  next: () => number | null;
  /** The envelope; in a one-element array when the isolate must be retired. */
  collect: () => string | [envelope: string] | null;
  finish: (code: Failure['code'], message: string, proven: boolean) => string | null;
}
type Install = (
  source: string,
  maxResultChars: number,
  sliceMs: number,
  lookup: ivm.Callback<Lookup>,
) => Runner;
type EntryPoints = { [K in Exclude<keyof Runner, 'error'>]: ivm.Reference<Runner[K]> };

export type Lookup = (table: unknown, key: unknown) => LookupAnswer;

/** `retire`: the isolate must not serve another batch (stopped mid-run, out of memory, or used up). */
export type BatchOutcome = ({ ok: true; envelope: string } | { ok: false; error: Failure }) & {
  retire: boolean;
};

export type CreateOutcome = { ok: true; isolate: PluginIsolate } | { ok: false; error: Failure };

/** `proven`: the failure is the code's doing; false for a timeout the CPU it spent does not bear out. */
type Entered<T> = { ok: true; value: T } | { ok: false; error: Failure; proven: boolean };

const RUNNER_BROKEN: Failure = { code: 'plugin_error', message: 'the plugin broke the sandbox runner' };

/**
 * How long one entry keeps starting inputs, as a share of the per-input budget: an input that never
 * returns costs its budget plus at most this, and a batch of quick inputs still enters once per this
 * much work (an entry costs 4-6 µs, measured).
 */
const SLICE_SHARE = 0.2;

/**
 * Batches of up to sliceMs × this many characters of JSON are parsed in the entry that runs their first
 * slice, saving an entry (the most a one-order call pays): JSON.parse reads 3-10 ns a character
 * (measured), so this leaves room for a machine several times slower. Larger ones are parsed alone.
 */
const PARSE_CHARS_PER_MS = 25_000;

/**
 * One plugin's isolate and context: the prelude and the plugin's code evaluated once, then entered a
 * few times per batch. Only copied data goes in (inputs, clocks, lookup answers) and only JSON comes out.
 */
export class PluginIsolate {
  private calls = 0;
  private readonly sliceMs: number;

  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly limits: IsolateLimits,
    private readonly runner: EntryPoints,
  ) {
    this.sliceMs = sliceMs(limits);
  }

  static create(source: string, limits: IsolateLimits, lookup: Lookup): CreateOutcome {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryLimitMb });
    const budget = new CpuBudget(limits.loadTimeoutMs);
    try {
      const context = isolate.createContextSync();
      const install: ivm.Reference<Install> = context.evalSync(PRELUDE, {
        reference: true,
        timeout: limits.loadTimeoutMs,
      });
      // Arguments are a string, numbers and a Callback: transferable as they are, no Reference involved.
      const runner = install.applySync(
        undefined,
        [source, limits.maxResultChars, sliceMs(limits), new ivm.Callback(lookup)],
        { timeout: limits.loadTimeoutMs, result: { reference: true } },
      );
      if (budget.overrun()) return failed(isolate, timeoutFailure(limits.loadTimeoutMs));
      const loadError = runner.getSync('error', { copy: true });
      if (loadError !== null) {
        const parsed = FailureSchema.safeParse(loadError);
        return failed(isolate, parsed.success ? parsed.data : RUNNER_BROKEN);
      }
      const entry = <K extends keyof EntryPoints>(name: K) =>
        runner.getSync(name, { reference: true }) as EntryPoints[K];
      const entryPoints = {
        open: entry('open'),
        next: entry('next'),
        collect: entry('collect'),
        finish: entry('finish'),
      };
      return { ok: true, isolate: new PluginIsolate(isolate, limits, entryPoints) };
    } catch (error) {
      return failed(isolate, isolateFailure(error, isolate, limits.loadTimeoutMs, limits.memoryLimitMb));
    }
  }

  /**
   * `inputsJson` holds a JSON array of `count` inputs. Each input has its own CPU budget: the inputs run
   * in slices (see the prelude's `next`), and an input that overruns is stopped alone.
   */
  runBatch(inputsJson: string, count: number, clocks: Clock[] | null): BatchOutcome {
    const { callTimeoutMs } = this.limits;
    // The runner's own work (parsing, assembling) grows with the batch, and no input's budget pays for it.
    const batchMs = callTimeoutMs * count;
    const firstSlice = inputsJson.length <= this.sliceMs * PARSE_CHARS_PER_MS;
    let entered = firstSlice
      ? this.enterSlice(this.runner.open, [inputsJson, clocks, true])
      : this.enter(this.runner.open, [inputsJson, clocks, false], batchMs);
    if (!firstSlice && !entered.ok) return this.abandon(entered, count);
    for (;;) {
      if (!entered.ok && entered.error.code === 'plugin_timeout')
        return this.stopped(entered, batchMs, count);
      if (!entered.ok || entered.value === null) return this.abandon(entered, count);
      if (entered.value >= count) break;
      entered = this.enterSlice(this.runner.next, []);
    }
    const collected = this.enter(this.runner.collect, [], batchMs);
    if (!collected.ok || collected.value === null) return this.abandon(collected, count);
    const { value } = collected;
    this.calls += count;
    if (typeof value !== 'string') return { ok: true, envelope: value[0], retire: true };
    return { ok: true, envelope: value, retire: this.calls >= this.limits.recycleAfterCalls };
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /**
   * Enters the isolate under a timeout of `timeoutMs`. Arguments and results are copied (an entry costs
   * 4-6 µs, a copied array 3 µs more, measured), which is why a batch enters as few times as it does.
   */
  private enter<A extends unknown[], T>(
    entryPoint: ivm.Reference<(...args: A) => T>,
    args: A,
    timeoutMs: number,
  ): Entered<T> {
    try {
      const value = entryPoint.applySync(undefined, args, {
        arguments: { copy: true },
        result: { copy: true },
        timeout: timeoutMs,
      }) as T;
      return { ok: true, value };
    } catch (error) {
      const failure = isolateFailure(error, this.isolate, timeoutMs, this.limits.memoryLimitMb);
      return { ok: false, error: failure, proven: true };
    }
  }

  /**
   * Runs a slice of inputs (see the prelude's `runSlice`): under a timeout of the per-input budget plus
   * the slice, and a CPU budget of as much, which also tells a timeout the code earned from one a busy
   * machine caused.
   */
  private enterSlice<A extends unknown[]>(
    entryPoint: ivm.Reference<(...args: A) => number | null>,
    args: A,
  ): Entered<number | null> {
    const { callTimeoutMs } = this.limits;
    const budget = new CpuBudget(callTimeoutMs + this.sliceMs);
    const entered = this.enter(entryPoint, args, budget.budgetMs);
    if (entered.ok) {
      return budget.overrun() ? { ok: false, error: timeoutFailure(callTimeoutMs), proven: true } : entered;
    }
    if (entered.error.code !== 'plugin_timeout') return entered;
    const spentMs = budget.spentMs();
    if (spentMs < callTimeoutMs)
      return { ok: false, error: busyFailure(callTimeoutMs, spentMs), proven: false };
    return { ok: false, error: timeoutFailure(callTimeoutMs), proven: true };
  }

  /** An entry ran out of time: the inputs that finished keep their results (see the prelude's finish). */
  private stopped(slice: Entered<unknown> & { ok: false }, batchMs: number, count: number): BatchOutcome {
    const { error, proven } = slice;
    const salvaged = this.enter(this.runner.finish, [error.code, error.message, proven], batchMs);
    if (!salvaged.ok || salvaged.value === null) return this.abandon(slice, count);
    return { ok: true, envelope: salvaged.value, retire: true };
  }

  /** The batch fails as a whole, and the isolate, in whatever state it was left, is retired. */
  private abandon(entered: Entered<unknown>, count: number): BatchOutcome {
    return {
      ok: false,
      error: batchFailure(entered.ok ? RUNNER_BROKEN : entered.error, count),
      retire: true,
    };
  }
}

function sliceMs(limits: IsolateLimits): number {
  return Math.max(1, Math.round(limits.callTimeoutMs * SLICE_SHARE));
}

function failed(isolate: ivm.Isolate, error: Failure): CreateOutcome {
  if (!isolate.isDisposed) isolate.dispose();
  return { ok: false, error };
}
