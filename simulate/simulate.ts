import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeZodIssues, InputError } from '../engine/errors/index.ts';
import { readJsonFile } from '../engine/loader/index.ts';
import type { AdapterPlatform } from '../engine/order/adapters/index.ts';
import type { EngineName } from '../engine/runtime/index.ts';
import { type StateSnapshot, StateSnapshotSchema } from '../engine/state/index.ts';
import { type Deciders, type DecideWorker, decidePass } from './decide/decide-pass.ts';
import { decideHeapMb } from './decide/decider-heap.ts';
import { readOrderHistory } from './history/order-history.ts';
import { openSource } from './open-source.ts';
import { type PrepareWorker, preparePass } from './prepare/prepare-pass.ts';
import { type ProgressSink, SILENT } from './progress.ts';
import { buildReport } from './report/build-report.ts';
import type { SimulationReport } from './report/report-schema.ts';
import { SkippedList } from './report/skipped-list.ts';
import { compactRuns } from './sort/merge-runs.ts';
import { checkStrategies } from './strategy-set.ts';
import type { PipelineFactorySpec } from './threads/messages.ts';
import { ThreadHandle } from './threads/thread-handle.ts';

/** JSON per run file before a prepare worker sorts and writes it: memory per worker stays near this. */
const RUN_BYTES = 16 * 1024 * 1024;
/**
 * A prepare worker's heap cap (old generation), so V8 collects before it grows: it holds a run and
 * a batch. A decider's depends on the orders it will decide (`decideHeapMb`).
 */
const PREPARE_HEAP_MB = 256;
/**
 * An input up to this size starts its deciders as soon as it is read, while the prepare workers
 * still work: their start-up (modules, strategies: seconds) is most of a small run's wall time,
 * and a small pass 1 holds little memory. A larger one starts them after pass 1, so the two idle
 * deciders do not add to pass 1's peak (measured: +80–140 MB from 25 k orders up, no faster there,
 * as both cores are busy preparing).
 */
const EARLY_DECIDERS_MAX_BYTES = 4 * 2 ** 20;

export interface SimulateOptions {
  /** The candidate strategies: a folder (with client.json beside or above) or one file. */
  strategies: string;
  /** NDJSON of raw platform or standard orders, or a CSV export with `mapping`. */
  orders: string;
  platform?: AdapterPlatform;
  mapping?: string;
  /** The published strategies to compare the candidate against. */
  baseline?: string;
  /** A state snapshot (counters, stock, buyers) both pipelines start from. */
  state?: string;
  /** Threads reading and adapting the input; each pipeline decides on a thread of its own. Default: the cores. */
  workers?: number;
  /** Only the first N orders of the file. */
  limit?: number;
  /**
   * Decide each order this many minutes after its pay time (created time while unpaid), as an OMS
   * that waits before deciding would: the pipelines' clock, so `minutesSincePaid` is this. Default 0.
   */
  decideAfterMinutes?: number;
  engine?: EngineName;
  /** Another pipeline than `createPipeline` (plugins in deterministic mode), loaded in each decide worker. */
  pipelineFactory?: PipelineFactorySpec;
  progress?: ProgressSink;
  /** Where the sorted runs go (default: the system's temp folder); removed at the end. */
  tempDir?: string;
  runBytes?: number;
}

/**
 * Replays a history of orders through a strategy set (and a baseline) in decision order and reports
 * what they decided. Pass 1 reads and adapts the input in parallel into sorted runs on disk; pass 2
 * merges them and decides each order in order, one thread per pipeline. See README.md here.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationReport> {
  const started = performance.now();
  const progress = options.progress ?? SILENT;
  const engine = options.engine ?? 'compiled';
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const strategies = checkStrategies(options.strategies);
  const baseline = options.baseline ? checkStrategies(options.baseline) : undefined;
  const snapshot = options.state ? readSnapshot(options.state) : {};
  const decideAfterMinutes = options.decideAfterMinutes ?? 0;
  const { source, setup, format } = await openSource(options);
  const tempDir = mkdtempSync(join(options.tempDir ?? tmpdir(), 'ordergraph-simulate-'));
  // Every worker started, so that `finally` stops them all, whatever failed.
  const threads: Pick<ThreadHandle<never, never>, 'failure' | 'stop'>[] = [];
  const track = <W extends (typeof threads)[number]>(worker: W): W => {
    threads.push(worker);
    return worker;
  };
  const failureOf = (workers: readonly (typeof threads)[number][]) =>
    Promise.race(workers.map((w) => w.failure));
  try {
    const skipped = new SkippedList();
    const baselineFailed = new SkippedList();
    const runBytes = options.runBytes ?? RUN_BYTES;
    const preparers: PrepareWorker[] = Array.from({ length: workers }, (_, i) =>
      track(
        new ThreadHandle({ role: 'prepare', setup, tempDir, prefix: `w${i}`, runBytes }, PREPARE_HEAP_MB),
      ),
    );
    const snapshotChars = JSON.stringify(snapshot).length;
    const decider = (path: string, heapMb: number): DecideWorker =>
      track(
        new ThreadHandle(
          {
            role: 'decide',
            strategies: path,
            engine,
            snapshot,
            decideAfterMinutes,
            ...(options.pipelineFactory ? { factory: options.pipelineFactory } : {}),
          },
          heapMb,
        ),
      );
    const startDeciders = (): Deciders => {
      const heapMb = decideHeapMb(snapshotChars);
      return {
        candidate: decider(strategies.path, heapMb),
        ...(baseline ? { baseline: decider(baseline.path, heapMb) } : {}),
      };
    };
    // A small input's deciders start once it is read; they decide only once pass 1 is over.
    let early: Deciders | undefined;
    const prepared = await Promise.race([
      preparePass(source, preparers, skipped, progress, (read) => {
        if (read.totalBytes <= EARLY_DECIDERS_MAX_BYTES) early = startDeciders();
      }),
      failureOf(preparers),
    ]);
    await Promise.all(preparers.map((p) => p.stop()));
    const runs = compactRuns(
      prepared.runs.map((r) => r.file),
      tempDir,
    );
    const history = readOrderHistory(prepared.history, tempDir, progress);
    const readingMs = performance.now() - started;
    const total = prepared.runs.reduce((n, r) => n + r.records, 0);

    const deciders = early ?? startDeciders();
    const decided = await Promise.race([
      decidePass(runs, history, total, deciders, { candidate: skipped, baseline: baselineFailed }, progress),
      failureOf(Object.values(deciders)),
    ]);
    const durationMs = performance.now() - started;
    return buildReport({
      input: {
        file: options.orders,
        format,
        platform: format === 'csv' ? 'mapping' : (options.platform ?? 'auto'),
        mapping: options.mapping ?? null,
        state: options.state ?? null,
        limit: options.limit ?? null,
        decideAfterMinutes,
        engine,
      },
      strategies,
      baseline,
      orders: prepared.orders,
      skipped,
      baselineFailed,
      decided,
      durationMs,
      run: {
        workers,
        phasesMs: { reading: Math.round(readingMs), deciding: Math.round(durationMs - readingMs) },
        sortedRuns: prepared.runs.length,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        cpuMs: Math.round(cpuMs(process.cpuUsage())),
      },
    });
  } finally {
    await Promise.all(threads.map((w) => w.stop()));
    source.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** CPU time of the whole process, every thread: what the run cost, whatever else the machine was doing. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function readSnapshot(file: string): StateSnapshot {
  const parsed = StateSnapshotSchema.safeParse(readJsonFile(file));
  if (parsed.success) return parsed.data;
  const issues = describeZodIssues(parsed.error);
  throw new InputError(
    'state_invalid',
    `${file} is not a state snapshot: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    { field: issues[0]?.field ?? file },
  );
}
