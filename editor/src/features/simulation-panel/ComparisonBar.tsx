import { useEffect, useRef } from 'react';
import type { ComparisonChart } from '../../core/simulation/report-view.ts';
import { echarts } from './echarts-setup.ts';

const BASELINE = '#9aa5b8';
const CANDIDATE = '#2f6fdf';
const ROW_PX = 26;

/**
 * One comparison as horizontal bars, live and draft side by side per category: category names are
 * Chinese words and codes of any length, which read better down the side than under the axis.
 */
export function ComparisonBar({
  chart,
  title,
  labels,
  series,
}: {
  chart: ComparisonChart;
  title: string;
  labels: string[];
  series: { baseline: string; candidate: string };
}) {
  const box = useRef<HTMLDivElement>(null);
  const height = 56 + chart.categories.length * ROW_PX * (chart.baseline ? 1.5 : 1);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    const bars = [
      ...(chart.baseline ? [{ name: series.baseline, data: chart.baseline, color: BASELINE }] : []),
      { name: series.candidate, data: chart.candidate, color: CANDIDATE },
    ];
    instance.setOption({
      animation: false,
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { fontSize: 11, width: 110, overflow: 'truncate' },
      },
      series: bars.map((b) => ({
        type: 'bar',
        name: b.name,
        data: b.data,
        itemStyle: { color: b.color },
        barMaxWidth: 12,
        label: { show: true, position: 'right', fontSize: 10 },
      })),
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, [chart, labels, series]);
  return (
    <figure className="og-chart" data-testid="sim-chart" data-chart={chart.id}>
      <figcaption className="og-chart__title">{title}</figcaption>
      <div ref={box} style={{ height }} />
    </figure>
  );
}
