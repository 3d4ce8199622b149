import { readFileSync } from 'node:fs';
import ivm from 'isolated-vm';
import type { IsolateLimits } from '../config.ts';
import { type Failure, FailureSchema } from '../failure.ts';
import type { Clock } from '../protocol/messages.ts';
import { CpuBudget } from './cpu-budget.ts';
import { isolateFailure, timeoutFailure } from './isolate-failure.ts';
import type { LookupAnswer } from './table-store.ts';

const PRELUDE = readFileSync(new URL('./prelude.js', import.meta.url), 'utf8');

type Start = (inputsJson: string, clocks: Clock[] | null) => string | null | undefined;
type Finish = (code: Failure['code'], message: string, timedOut: boolean) => string | null;
/** What the prelude's `install` returns: `error` set when the plugin's code did not load. */
interface Runner {
  error: unknown;
  start: Start;
  finish: Finish;
}
type Install = (source: string, maxResultChars: number, lookup: ivm.Callback<Lookup>) => Runner;

export type Lookup = (table: unknown, key: unknown) => LookupAnswer;

/** `retire`: the isolate must not serve another batch (stopped mid-run, out of memory, or used up). */
export type BatchOutcome = ({ ok: true; envelope: string } | { ok: false; error: Failure }) & {
  retire: boolean;
};

export type CreateOutcome = { ok: true; isolate: PluginIsolate } | { ok: false; error: Failure };

const RUNNER_BROKEN: Failure = { code: 'plugin_error', message: 'the plugin broke the sandbox runner' };

/**
 * One plugin's isolate and context: the prelude and the plugin's code evaluated once, then entered once
 * per batch. Only copied data goes in (inputs, clocks, lookup answers) and only a JSON string comes out.
 */
export class PluginIsolate {
  private calls = 0;

  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly limits: IsolateLimits,
    private readonly start: ivm.Reference<Start>,
    private readonly finish: ivm.Reference<Finish>,
  ) {}

  static create(source: string, limits: IsolateLimits, lookup: Lookup): CreateOutcome {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryLimitMb });
    const budget = new CpuBudget(isolate, limits.loadTimeoutMs);
    try {
      const context = isolate.createContextSync();
      const install: ivm.Reference<Install> = context.evalSync(PRELUDE, {
        reference: true,
        timeout: limits.loadTimeoutMs,
      });
      // Arguments are a string, a number and a Callback: transferable as they are, no Reference involved.
      const runner = install.applySync(undefined, [source, limits.maxResultChars, new ivm.Callback(lookup)], {
        timeout: limits.loadTimeoutMs,
        result: { reference: true },
      });
      if (budget.overrun()) return failed(isolate, timeoutFailure(limits.loadTimeoutMs));
      const loadError = runner.getSync('error', { copy: true });
      if (loadError !== null) {
        const parsed = FailureSchema.safeParse(loadError);
        return failed(isolate, parsed.success ? parsed.data : RUNNER_BROKEN);
      }
      const start = runner.getSync('start', { reference: true });
      const finish = runner.getSync('finish', { reference: true });
      return { ok: true, isolate: new PluginIsolate(isolate, limits, start, finish) };
    } catch (error) {
      return failed(isolate, isolateFailure(error, isolate, limits.loadTimeoutMs, limits.memoryLimitMb));
    }
  }

  /** `inputsJson` holds a JSON array of `count` inputs. */
  runBatch(inputsJson: string, count: number, clocks: Clock[] | null): BatchOutcome {
    const budget = new CpuBudget(this.isolate, this.limits.callTimeoutMs * count);
    let envelope: string | null;
    let stalled = false;
    try {
      const started = this.start.applySync(undefined, [inputsJson, clocks], {
        arguments: { copy: true },
        timeout: budget.budgetMs,
      });
      // In one synchronous entry every promise that can settle has settled by the time it returns: the
      // isolate has no timers or I/O. What is still pending never will be, and its closures stay alive.
      stalled = started === undefined;
      envelope =
        started !== undefined
          ? started
          : this.finishBatch('the promise returned by run never settled', false);
    } catch (error) {
      const failure = isolateFailure(error, this.isolate, budget.budgetMs, this.limits.memoryLimitMb);
      if (failure.code !== 'plugin_timeout') return { ok: false, error: failure, retire: true };
      // Inputs that finished before the one that ran out of time keep their results.
      const salvaged = this.finishBatch(failure.message, true);
      return salvaged === null
        ? { ok: false, error: failure, retire: true }
        : { ok: true, envelope: salvaged, retire: true };
    }
    if (budget.overrun()) return { ok: false, error: timeoutFailure(budget.budgetMs), retire: true };
    if (envelope === null) return { ok: false, error: RUNNER_BROKEN, retire: true };
    this.calls += count;
    return { ok: true, envelope, retire: stalled || this.calls >= this.limits.recycleAfterCalls };
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /** Fills the entries still missing with a plugin_timeout; null when the isolate cannot even do that. */
  private finishBatch(message: string, timedOut: boolean): string | null {
    try {
      return this.finish.applySync(undefined, ['plugin_timeout', message, timedOut], {
        arguments: { copy: true },
        timeout: this.limits.callTimeoutMs,
      });
    } catch {
      return null;
    }
  }
}

function failed(isolate: ivm.Isolate, error: Failure): CreateOutcome {
  if (!isolate.isDisposed) isolate.dispose();
  return { ok: false, error };
}
