import type { RuleHit } from './node-hits.ts';

type Counts = Record<string, number>;

interface Tallies {
  decided: number;
  outcomes: { approved: number; held: number; flagged: number };
  holdReasons: Counts;
  flagReasons: Counts;
  warehouses: Counts;
  carriers: Counts;
  ruleHits: RuleHit[];
}

interface Business {
  freight: { total: number; byCarrier: Record<string, { parcels: number; cost: number }> };
  parcels: { total: number; splitOrders: number; mergedOrders: number };
  gifts: { units: number; cost: number; bySku: Record<string, { units: number; cost: number }> };
}

/**
 * The parts of the server's simulation report (simulate/report/report-schema.ts, validated there)
 * the panel draws. The candidate's tallies sit at the top level; the baseline's beside them only
 * when the job had a candidate.
 */
export interface SimulationReport extends Omit<Tallies, 'decided'> {
  orders: number;
  decided: number;
  skippedTotal: number;
  baseline?: Tallies;
  changed?: { count: number; byKind: Record<string, { count: number }> };
  business: { candidate: Business; baseline?: Business };
}

export type ChartId =
  | 'outcomes'
  | 'holdReasons'
  | 'warehouses'
  | 'carriers'
  | 'freight'
  | 'parcels'
  | 'gifts';

/** One bar chart: categories on the axis, the baseline's and the candidate's bars side by side. */
export interface ComparisonChart {
  id: ChartId;
  categories: string[];
  candidate: number[];
  /** Absent when the job replayed the live release alone. */
  baseline?: number[];
  /** Money charts say so, for the axis and the tooltip. */
  money?: boolean;
}

/** Keys of either side, biggest first by the larger of the two: what changed most is read first. */
function categoriesOf(candidate: Counts, baseline: Counts | undefined): string[] {
  const keys = new Set([...Object.keys(candidate), ...Object.keys(baseline ?? {})]);
  const size = (k: string) => Math.max(candidate[k] ?? 0, baseline?.[k] ?? 0);
  return [...keys].sort((a, b) => size(b) - size(a) || a.localeCompare(b));
}

function compare(
  id: ChartId,
  candidate: Counts,
  baseline: Counts | undefined,
  options: { fixed?: string[]; money?: boolean } = {},
): ComparisonChart {
  const categories = options.fixed ?? categoriesOf(candidate, baseline);
  return {
    id,
    categories,
    candidate: categories.map((k) => candidate[k] ?? 0),
    ...(baseline ? { baseline: categories.map((k) => baseline[k] ?? 0) } : {}),
    ...(options.money ? { money: true } : {}),
  };
}

const mapValues = <T>(record: Record<string, T>, pick: (value: T) => number): Counts =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, pick(v)]));

const parcels = (b: Business): Counts => ({
  total: b.parcels.total,
  splitOrders: b.parcels.splitOrders,
  mergedOrders: b.parcels.mergedOrders,
});

/** The panel's charts, in the order a consultant reads a replay: what holds, where it ships, what it costs. */
export function comparisonCharts(report: SimulationReport): ComparisonChart[] {
  const base = report.baseline;
  const cand = report.business.candidate;
  const baseBusiness = report.business.baseline;
  return [
    compare('outcomes', report.outcomes, base?.outcomes, { fixed: ['approved', 'held', 'flagged'] }),
    compare('holdReasons', report.holdReasons, base?.holdReasons),
    compare('warehouses', report.warehouses, base?.warehouses),
    compare('carriers', report.carriers, base?.carriers),
    compare(
      'freight',
      mapValues(cand.freight.byCarrier, (c) => c.cost),
      baseBusiness && mapValues(baseBusiness.freight.byCarrier, (c) => c.cost),
      { money: true },
    ),
    compare('parcels', parcels(cand), baseBusiness && parcels(baseBusiness), {
      fixed: ['total', 'splitOrders', 'mergedOrders'],
    }),
    compare(
      'gifts',
      mapValues(cand.gifts.bySku, (g) => g.units),
      baseBusiness && mapValues(baseBusiness.gifts.bySku, (g) => g.units),
    ),
  ];
}
