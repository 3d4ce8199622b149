import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { PipelineFactorySpec, SkippedRow } from '../threads/messages.ts';

/** A job thread's task: count a history's rows, or run a simulation and write its report files. */
export type JobTask = ScanTask | SimulateTask;

export interface ScanTask {
  role: 'scan';
  orders: string;
  mapping?: string;
  platform?: AdapterPlatform;
}

export interface SimulateTask {
  role: 'simulate';
  /** The candidate strategy folder (the baseline's when there is no candidate). */
  strategies: string;
  baseline?: string;
  orders: string;
  mapping?: string;
  platform?: AdapterPlatform;
  state?: string;
  decideAfterMinutes: number;
  limit?: number;
  workers?: number;
  /** The pipeline to record when not `createPipeline`'s: one that runs the client's plugins. */
  pipeline?: PipelineFactorySpec;
  /** Scratch space: sorted runs and decision logs. The report files are written here too. */
  workDir: string;
  /** How the report names its inputs, instead of the scratch paths. */
  labels: {
    orders: string;
    mapping: string | null;
    strategies: string;
    baseline: string | null;
    state: string | null;
  };
}

export type JobReply =
  | { type: 'progress'; phase: string; progress: number; orders: number }
  | { type: 'scanned'; rows: number; skipped: SkippedRow[]; skippedTotal: number }
  | {
      type: 'simulated';
      /** Files in `workDir`: the JSON report, the HTML report, the changed orders (NDJSON). */
      report: string;
      html: string;
      changes: string;
      summary: {
        orders: number;
        decided: number;
        skippedTotal: number;
        changed: number | null;
        ordersPerSecond: number;
      };
    }
  /** The input or the strategies could not be used: `code` and `message` name the problem. */
  | { type: 'refused'; code: string; message: string }
  | { type: 'failed'; message: string };
