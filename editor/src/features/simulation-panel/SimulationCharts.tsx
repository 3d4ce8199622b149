import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../core/engine.ts';
import { type ChartId, comparisonCharts, type SimulationReport } from '../../core/simulation/report-view.ts';
import { useMasterData } from '../../stores/client-store.ts';
import { ComparisonBar } from './ComparisonBar.tsx';

type Translate = ReturnType<typeof useTranslation>['t'];

const withName = (key: string, name: string | undefined) => (name ? `${key} ${name}` : key);

/** What a category key reads as: outcomes and parcel counts in words, master data by name. */
function labelOf(id: ChartId, key: string, t: Translate, client: Client | undefined): string {
  switch (id) {
    case 'outcomes':
      return t(`simulation.outcome.${key}`);
    case 'parcels':
      return t(`simulation.parcels.${key}`);
    case 'warehouses':
      return withName(key, client?.warehouses.find((w) => w.id === key)?.name);
    case 'carriers':
    case 'freight':
      return withName(key, client?.carriers.find((c) => c.id === key)?.name);
    case 'gifts':
      return withName(key, client?.skus.find((s) => s.sku === key)?.name);
    default:
      return key;
  }
}

const money = (n: number) => n.toFixed(2);

/** The report's comparisons as charts, loaded with echarts only once a simulation has finished. */
export default function SimulationCharts({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const client = useMasterData();
  const charts = useMemo(() => comparisonCharts(report), [report]);
  const labels = useMemo(
    () => charts.map((c) => c.categories.map((k) => labelOf(c.id, k, t, client))),
    [charts, t, client],
  );
  const alone = report.baseline === undefined;
  const series = useMemo(
    () => ({
      baseline: t('simulation.series.baseline'),
      candidate: alone ? t('simulation.series.liveAlone') : t('simulation.series.candidate'),
    }),
    [t, alone],
  );
  const { candidate, baseline = candidate } = report.business;
  return (
    <div className="og-charts" data-testid="sim-charts">
      <p className="og-muted" data-testid="freight-total">
        {alone
          ? t('simulation.freightAlone', { total: money(candidate.freight.total) })
          : t('simulation.freightTotal', {
              baseline: money(baseline.freight.total),
              candidate: money(candidate.freight.total),
            })}
        <br />
        {alone
          ? t('simulation.giftAlone', { units: candidate.gifts.units, cost: money(candidate.gifts.cost) })
          : t('simulation.giftTotal', {
              baseline: baseline.gifts.units,
              candidate: candidate.gifts.units,
              baselineCost: money(baseline.gifts.cost),
              candidateCost: money(candidate.gifts.cost),
            })}
      </p>
      {charts.map((chart, i) =>
        chart.categories.length ? (
          <ComparisonBar
            key={chart.id}
            chart={chart}
            title={t(`simulation.chart.${chart.id}`)}
            labels={labels[i]!}
            series={series}
          />
        ) : (
          <figure key={chart.id} className="og-chart" data-testid="sim-chart" data-chart={chart.id}>
            <figcaption className="og-chart__title">{t(`simulation.chart.${chart.id}`)}</figcaption>
            <p className="og-muted">{t('simulation.chart.empty')}</p>
          </figure>
        ),
      )}
    </div>
  );
}
