import { CHANGE_KINDS } from '../diff/change-kinds.ts';
import type { SimulationReport } from './report-schema.ts';

const TOP = 5;
const n = (value: number) => value.toLocaleString('en');
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0%');

function top(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (entries.length === 0) return '—';
  const shown = entries.slice(0, TOP).map(([key, count]) => `${key} ${n(count)}`);
  return entries.length > TOP ? `${shown.join(' · ')} · … (${entries.length} in all)` : shown.join(' · ');
}

/** The merge stage's line, when a merge rule reached any order. */
function mergeLine({ merges }: SimulationReport): string[] {
  if (merges.orders === 0 && Object.keys(merges.excluded).length === 0) return [];
  const excluded =
    Object.keys(merges.excluded).length > 0 ? ` · could not merge: ${top(merges.excluded)}` : '';
  return [
    `  merges     ${n(merges.groups)} merged groups, ${n(merges.parcelsSaved)} parcels saved${excluded}`,
  ];
}

/** A few lines for the terminal: what was decided, what changed, where the full report is. */
export function summaryText(report: SimulationReport, outputs: string[]): string {
  const { outcomes, decided } = report;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const fired = report.ruleHits.filter((r) => r.hits > 0).length;
  const firstSkip = report.skipped[0];
  const lines = [
    `Simulated ${n(report.orders)} orders of ${report.input.file} in ${seconds} s (${n(report.ordersPerSecond)} orders/s, ${report.run.workers} worker${report.run.workers === 1 ? '' : 's'})`,
    `  decided    ${n(decided)}${report.skippedTotal > 0 ? `, skipped ${n(report.skippedTotal)} (first: line ${firstSkip?.line}: ${firstSkip?.reason})` : ', skipped none'}`,
    `  outcomes   approved ${n(outcomes.approved)} (${pct(outcomes.approved, decided)}) · held ${n(outcomes.held)} (${pct(outcomes.held, decided)}) · flagged ${n(outcomes.flagged)} (${pct(outcomes.flagged, decided)})`,
    `  holds      ${top(report.holdReasons)}`,
    `  warehouses ${top(report.warehouses)}`,
    `  carriers   ${top(report.carriers)}`,
    `  gifts      ${top(Object.fromEntries(Object.entries(report.gifts).map(([sku, g]) => [sku, g.orders])))}`,
    ...mergeLine(report),
    `  rules      ${fired} of ${report.ruleHits.length} fired; ${report.ruleHits.length - fired} never did`,
  ];
  if (report.changed) {
    const kinds = CHANGE_KINDS.map((k) => [k, report.changed!.byKind[k].count] as const)
      .filter(([, count]) => count > 0)
      .map(([k, count]) => `${k} ${n(count)}`);
    lines.push(
      `  changed    ${n(report.changed.count)} of ${n(decided)} orders vs the baseline${kinds.length ? `: ${kinds.join(' · ')}` : ''}`,
    );
  }
  if (outputs.length > 0) lines.push(`  report     ${outputs.join(' · ')}`);
  return `${lines.join('\n')}\n`;
}
