import { ownValue } from '../../../engine/state/id-record.ts';
import type { BusinessReport } from '../business-schema.ts';
import type { SimulationReport } from '../report-schema.ts';
import { businessSections } from './business-html.ts';
import { escapeHtml as e } from './escape.ts';
import { STYLE } from './style.ts';
import { type BarRow, barChart, hourChart, type Series } from './svg-charts.ts';
import { changesSection, ruleHitsTable, skippedTable } from './tables.ts';

const fmt = (value: number) => value.toLocaleString('en');
const CANDIDATE: Series = { name: 'candidate', className: 'c' };
const BASELINE: Series = { name: 'baseline', className: 'b' };

/**
 * The report as one self-contained HTML file: styles inline, charts as inline SVG, no scripts and
 * nothing fetched, every piece of text from orders or strategies escaped. A server job's report adds
 * its business metrics (freight, parcels, gift cost, warehouse load).
 */
export function renderHtml(report: SimulationReport, business?: BusinessReport): string {
  const base = report.baseline;
  const series = base ? [BASELINE, CANDIDATE] : [CANDIDATE];
  const rows = (candidate: Record<string, number>, baseline?: Record<string, number>): BarRow[] => {
    const keys = [...new Set([...Object.keys(candidate), ...Object.keys(baseline ?? {})])];
    return keys
      .map((label) => ({
        label,
        values: base
          ? [ownValue(baseline, label) ?? 0, ownValue(candidate, label) ?? 0]
          : [ownValue(candidate, label) ?? 0],
      }))
      .sort((a, b) => Math.max(...b.values) - Math.max(...a.values) || (a.label < b.label ? -1 : 1));
  };
  const giftOrders = (gifts: SimulationReport['gifts']) =>
    Object.fromEntries(Object.entries(gifts).map(([sku, g]) => [sku, g.orders]));
  const sections = [
    section('Outcomes', barChart(rows(report.outcomes, base?.outcomes), series)),
    section('Hold reasons (orders)', barChart(rows(report.holdReasons, base?.holdReasons), series)),
    section('Warehouses (orders)', barChart(rows(report.warehouses, base?.warehouses), series)),
    section('Carriers (orders)', barChart(rows(report.carriers, base?.carriers), series)),
    section(
      'Gifts (orders)',
      barChart(rows(giftOrders(report.gifts), base && giftOrders(base.gifts)), series),
    ),
    section('Tags (orders)', barChart(rows(report.tags, base?.tags), series)),
    section(
      'Merges (合单)',
      barChart(rows(mergeCounts(report.merges), base && mergeCounts(base.merges)), series),
    ),
    section(
      'Orders by pay hour (China time)',
      hourChart(report.payHours, { name: 'orders', className: 'c' }),
    ),
  ];
  if (business) sections.push(...businessSections(business).map((s) => section(s.title, s.body)));
  if (report.changed) {
    sections.push(
      section(
        'Changed orders by pay hour',
        hourChart(report.changed.byPayHour, { name: 'changed', className: 'x' }),
      ),
      section('What changed against the baseline', changesSection(report.changed, report.decided)),
    );
  }
  sections.push(
    section('Rule hits', ruleHitsTable(report)),
    section(`Skipped (${fmt(report.skippedTotal)})`, skippedTable(report.skipped, report.skippedTotal)),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ordergraph simulation: ${e(report.input.file)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Ordergraph simulation</h1>
${overview(report)}
${sections.join('\n')}
</body>
</html>
`;
}

/** Groups, parcels saved, then each reason orders could not merge: zero rows left out, so no merge stage shows None. */
function mergeCounts(merges: SimulationReport['merges']): Record<string, number> {
  const counts: Record<string, number> = {
    'merged groups': merges.groups,
    'parcels saved': merges.parcelsSaved,
  };
  for (const [why, orders] of Object.entries(merges.excluded)) counts[`not mergeable: ${why}`] = orders;
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value > 0));
}

function section(title: string, body: string): string {
  return `<section><h2>${e(title)}</h2>${body}</section>`;
}

function overview(report: SimulationReport): string {
  const facts: [string, string][] = [
    [
      'orders',
      `${report.input.file} (${report.input.format}${report.input.mapping ? `, mapping ${report.input.mapping}` : ''})`,
    ],
    ['candidate', `${report.strategies.path} (${report.strategies.strategyIds.join(', ')})`],
  ];
  if (report.baseline) {
    facts.push(['baseline', `${report.baseline.path} (${report.baseline.strategyIds.join(', ')})`]);
  }
  facts.push(
    ['state', report.input.state ?? 'empty (no snapshot)'],
    [
      'result',
      `${fmt(report.orders)} orders read, ${fmt(report.decided)} decided, ${fmt(report.skippedTotal)} skipped`,
    ],
    [
      'order',
      `by pay time (created time for orders never paid), ties by input line; each decided ${
        report.input.decideAfterMinutes > 0
          ? `${fmt(report.input.decideAfterMinutes)} minutes after it`
          : 'at it'
      }`,
    ],
    [
      'run',
      `${(report.durationMs / 1000).toFixed(1)} s, ${fmt(report.ordersPerSecond)} orders/s, engine ${report.input.engine}`,
    ],
  );
  return `<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
}
