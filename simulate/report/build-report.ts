import type { DecideResult } from '../decide/decide-pass.ts';
import type { StrategySet } from '../strategy-set.ts';
import type { SimulationReport } from './report-schema.ts';
import { SimulationReportSchema } from './report-schema.ts';
import type { SkippedList } from './skipped-list.ts';

export interface ReportParts {
  input: SimulationReport['input'];
  strategies: StrategySet;
  baseline: StrategySet | undefined;
  orders: number;
  skipped: SkippedList;
  baselineFailed: SkippedList;
  decided: DecideResult;
  run: SimulationReport['run'];
  durationMs: number;
}

/** Assembles the report, checked against its schema: a report that does not match it is a bug here. */
export function buildReport(parts: ReportParts): SimulationReport {
  const { decided: result, skipped } = parts;
  const { decided, ...tallies } = result.candidate;
  const seconds = parts.durationMs / 1000;
  const report: SimulationReport = {
    formatVersion: 1,
    input: parts.input,
    strategies: parts.strategies,
    orders: parts.orders,
    decided,
    skipped: skipped.list(),
    skippedTotal: skipped.total,
    durationMs: Math.round(parts.durationMs),
    ordersPerSecond: seconds > 0 ? Math.round(parts.orders / seconds) : 0,
    ...tallies,
    payHours: result.payHours,
    run: parts.run,
  };
  if (parts.baseline && result.baseline) {
    report.baseline = {
      ...parts.baseline,
      ...result.baseline,
      failed: parts.baselineFailed.list(),
      failedTotal: parts.baselineFailed.total,
    };
  }
  if (result.changes) report.changed = result.changes;
  return SimulationReportSchema.parse(report);
}
