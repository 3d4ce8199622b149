import type { BusinessMetrics, BusinessReport } from '../business-schema.ts';
import { escapeHtml as e } from './escape.ts';
import { type BarRow, barChart, type Series } from './svg-charts.ts';

const CANDIDATE: Series = { name: 'candidate', className: 'c' };
const BASELINE: Series = { name: 'baseline', className: 'b' };
const fmt = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The business metrics as sections of the HTML report: baseline and candidate bars side by side. */
export function businessSections(business: BusinessReport): { title: string; body: string }[] {
  const { candidate, baseline } = business;
  const series = baseline ? [BASELINE, CANDIDATE] : [CANDIDATE];
  const chart = (read: (m: BusinessMetrics) => Record<string, number>) => {
    const c = read(candidate);
    const b = baseline ? read(baseline) : undefined;
    const keys = [...new Set([...Object.keys(c), ...Object.keys(b ?? {})])];
    const rows: BarRow[] = keys.map((label) => ({
      label,
      values: b ? [b[label] ?? 0, c[label] ?? 0] : [c[label] ?? 0],
    }));
    return barChart(
      rows.sort((x, y) => Math.max(...y.values) - Math.max(...x.values) || (x.label < y.label ? -1 : 1)),
      series,
    );
  };
  const map = <V>(record: Record<string, V>, read: (v: V) => number) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, read(v)]));
  return [
    { title: 'Business summary', body: summaryTable(candidate, baseline) },
    {
      title: 'Hold rate by reason (% of decided orders)',
      body: chart((m) => map(m.holdRateByReason, (r) => Math.round(r.rate * 1000) / 10)),
    },
    { title: 'Freight cost by carrier', body: chart((m) => map(m.freight.byCarrier, (c) => c.cost)) },
    { title: 'Parcels by carrier', body: chart((m) => map(m.freight.byCarrier, (c) => c.parcels)) },
    { title: 'Gift units by SKU', body: chart((m) => map(m.gifts.bySku, (g) => g.units)) },
    { title: 'Warehouse load (orders)', body: chart((m) => map(m.warehouses, (w) => w.orders)) },
    {
      title: 'Peak orders per warehouse in one hour',
      body: chart((m) => map(m.warehouses, (w) => w.peakHour?.orders ?? 0)) + peakHours(candidate),
    },
  ];
}

function summaryTable(candidate: BusinessMetrics, baseline: BusinessMetrics | undefined): string {
  const rows: [string, (m: BusinessMetrics) => string][] = [
    ['hold rate', (m) => `${pct(m.holdRate)} (${fmt(m.held)} of ${fmt(m.decided)})`],
    ['freight cost', (m) => fmt(m.freight.total)],
    ['parcels not priced', (m) => fmt(m.freight.unpricedParcels)],
    ['parcels', (m) => fmt(m.parcels.total)],
    ['orders split', (m) => fmt(m.parcels.splitOrders)],
    ['orders merged', (m) => fmt(m.parcels.mergedOrders)],
    ['gift units', (m) => fmt(m.gifts.units)],
    ['gift cost (list price)', (m) => fmt(m.gifts.cost)],
  ];
  const head = baseline ? '<th></th><th>baseline</th><th>candidate</th>' : '<th></th><th>candidate</th>';
  const body = rows
    .map(
      ([label, read]) =>
        `<tr><td>${e(label)}</td>${baseline ? `<td>${e(read(baseline))}</td>` : ''}<td>${e(read(candidate))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function peakHours(metrics: BusinessMetrics): string {
  const items = Object.entries(metrics.warehouses)
    .filter(([, w]) => w.peakHour)
    .map(([id, w]) => `${e(id)}: ${e(w.peakHour!.hour)}:00`);
  return items.length > 0
    ? `<p class="note">Candidate's peak hours (China time): ${items.join(' · ')}</p>`
    : '';
}
