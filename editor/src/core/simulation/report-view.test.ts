import { describe, expect, it } from 'vitest';
import { comparisonCharts, type SimulationReport } from './report-view.ts';

const business = (cost: number, units: number) => ({
  freight: { total: cost, byCarrier: { sf: { parcels: 2, cost } } },
  parcels: { total: 4, splitOrders: 1, mergedOrders: 0 },
  gifts: {
    units,
    cost: units * 5,
    bySku: (units ? { 'GIFT-1': { units, cost: units * 5 } } : {}) as Record<
      string,
      { units: number; cost: number }
    >,
  },
});

const report: SimulationReport = {
  orders: 10,
  decided: 10,
  skippedTotal: 0,
  outcomes: { approved: 6, held: 4, flagged: 0 },
  holdReasons: { no_district: 1, risk: 3 },
  flagReasons: {},
  warehouses: { hz: 10 },
  carriers: { sf: 4, yto: 6 },
  ruleHits: [],
  business: { candidate: business(30, 2), baseline: business(25, 0) },
  baseline: {
    decided: 10,
    outcomes: { approved: 9, held: 1, flagged: 0 },
    holdReasons: { no_district: 1 },
    flagReasons: {},
    warehouses: { hz: 8, sh: 2 },
    carriers: { yto: 10 },
    ruleHits: [],
  },
};

describe('comparisonCharts', () => {
  const charts = Object.fromEntries(comparisonCharts(report).map((c) => [c.id, c]));

  it('puts baseline and candidate side by side over the categories of either', () => {
    expect(charts.outcomes).toMatchObject({
      categories: ['approved', 'held', 'flagged'],
      baseline: [9, 1, 0],
      candidate: [6, 4, 0],
    });
    expect(charts.warehouses).toMatchObject({
      categories: ['hz', 'sh'],
      baseline: [8, 2],
      candidate: [10, 0],
    });
  });

  it('reads the largest category first', () => {
    expect(charts.holdReasons!.categories).toEqual(['risk', 'no_district']);
    expect(charts.carriers!.categories).toEqual(['yto', 'sf']);
  });

  it('draws freight, parcels and gifts from the business metrics', () => {
    expect(charts.freight).toMatchObject({
      categories: ['sf'],
      baseline: [25],
      candidate: [30],
      money: true,
    });
    expect(charts.parcels).toMatchObject({ baseline: [4, 1, 0], candidate: [4, 1, 0] });
    expect(charts.gifts).toMatchObject({ categories: ['GIFT-1'], baseline: [0], candidate: [2] });
  });

  it('has no baseline bars when the live release ran alone', () => {
    const alone = comparisonCharts({
      ...report,
      baseline: undefined,
      business: { candidate: business(1, 0) },
    });
    expect(alone.every((c) => c.baseline === undefined)).toBe(true);
  });
});
