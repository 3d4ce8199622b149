import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { Tallies } from '../decide/tallies.ts';
import type { ViewsText } from '../decide/views-text.ts';
import type { HistoryRunFiles } from '../history/history-runs.ts';
import type { CsvGroup } from '../input/csv-order.ts';
import type { CsvPlan } from '../input/csv-plan.ts';
import type { RunFile } from '../sort/run-writer.ts';

/** A row or order that could not be decided, and why; `line` is the input line it starts on. */
export interface SkippedRow {
  line: number;
  reason: string;
  orderId?: string;
}

// ── prepare workers: input records → standard orders in sorted run files ──

export type PrepareSetup =
  | { format: 'ndjson'; platform: AdapterPlatform | undefined }
  | { format: 'csv'; plan: CsvPlan };

export interface PrepareWorkerData {
  role: 'prepare';
  setup: PrepareSetup;
  tempDir: string;
  prefix: string;
  runBytes: number;
}

/** Whole NDJSON lines as bytes, the first of them `firstLine` in the file. */
export interface NdjsonBatch {
  kind: 'ndjson';
  bytes: Uint8Array;
  firstLine: number;
}

export interface CsvBatch {
  kind: 'csv';
  groups: CsvGroup[];
}

export type PrepareBatch = NdjsonBatch | CsvBatch;
export type PrepareRequest = { type: 'batch'; batch: PrepareBatch } | { type: 'finish' };
export type PrepareReply =
  | { type: 'prepared'; orders: number; skipped: SkippedRow[] }
  | { type: 'finished'; runs: RunFile[]; history: HistoryRunFiles };

// ── decide workers: sorted standard orders → decisions, one worker per pipeline ──

/**
 * How a pipeline's plugins run: replaying history (deterministic: each sees its order's pay time as
 * now and a seeded `Math.random`, the sandbox limits its manifests ask for), or as live evaluate runs
 * them (the clock, real randomness and the server's limits: a shadow release, compared with live).
 */
export type PluginRunMode =
  | { kind: 'replay'; seed: number }
  | { kind: 'live'; callTimeoutMs: number; memoryLimitMb: number };

export interface PipelineFactorySpec {
  /** A module URL or absolute path exporting the factory. */
  module: string;
  /** Its export; `createPipeline` when not given. */
  export?: string;
  /** Extra pipeline options the factory understands (plugins, deterministic mode), as plain data. */
  options?: Record<string, unknown>;
}

export interface DecideWorkerData {
  role: 'decide';
  strategies: string;
  engine: 'compiled' | 'reference';
  snapshot: Partial<StateSnapshot>;
  /** Minutes after its pay (or created) time each order is decided: the pipeline's clock. */
  decideAfterMinutes: number;
  factory?: PipelineFactorySpec;
}

/**
 * Records in the run-record layout, in decision order, and each one's value in the replay's
 * `OrderHistory` (seen before, the buyer's earlier orders); for the baseline diff, shared memory
 * to write each decision's comparable view into.
 */
export type DecideRequest =
  | { type: 'batch'; id: number; bytes: Uint8Array; history: Uint32Array; views?: Uint8Array }
  | { type: 'finish' };
export type DecideReply =
  | { type: 'decided'; id: number; decided: number; failed: SkippedRow[]; views: ViewsText | null }
  | { type: 'finished'; tallies: Tallies };
