import { describe, expect, it } from 'vitest';
import type { Decision } from '../../engine/decision/decision.ts';
import { renderHtml } from '../report/html/render-html.ts';
import { type SimulationReport, SimulationReportSchema, TalliesSchema } from '../report/report-schema.ts';
import { TallyCounter } from './tallies.ts';

/** Names every object inherits, and `__proto__`: reasons, warehouses, SKUs and tags come from orders. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

function decision(name: string): Decision {
  return {
    status: 'held',
    holds: [{ reason: name }],
    flags: [{ reason: name }],
    warehouse: name,
    parcels: [],
    carrier: name,
    gifts: [{ sku: name, qty: 2, strategyId: 's', nodeId: 'n' }],
    tags: [name, name],
    merge: { group: null, joined: false, size: 0, excluded: name },
  } as unknown as Decision;
}

const counts = (record: object) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
const expected = (value: (i: number) => unknown) =>
  NAMES.map((name, i) => [name, value(i)] as [string, unknown]).sort(([a], [b]) => (a < b ? -1 : 1));

describe('TallyCounter with keys that are Object.prototype names', () => {
  it('counts each, and keeps them through the report schema, JSON and a worker message', () => {
    const counter = new TallyCounter([]);
    for (const [i, name] of NAMES.entries()) for (let n = 0; n <= i; n++) counter.add(decision(name));
    const tallies = counter.result();
    const parsed = TalliesSchema.parse(JSON.parse(JSON.stringify(structuredClone(tallies))));
    for (const result of [parsed, tallies]) {
      for (const record of [
        result.holdReasons,
        result.flagReasons,
        result.warehouses,
        result.carriers,
        result.tags,
        result.merges.excluded,
      ]) {
        expect(counts(record)).toEqual(expected((i) => i + 1));
        expect(Object.getPrototypeOf(record)).toBeNull();
      }
      expect(counts(result.gifts)).toEqual(expected((i) => ({ orders: i + 1, qty: 2 * (i + 1) })));
      expect(result.tags.constructor).toBe(1);
    }
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(tallies));
  });
});

describe('the HTML report with such keys', () => {
  it('draws a baseline-only `constructor` as 0 for the candidate, not as Object', () => {
    const candidate = new TallyCounter([]);
    candidate.add(decision('__proto__'));
    const baselineCounter = new TallyCounter([]);
    baselineCounter.add(decision('constructor'));
    const { decided, ...tallies } = candidate.result();
    const report: SimulationReport = SimulationReportSchema.parse({
      formatVersion: 1,
      input: {
        file: 'h.ndjson',
        format: 'ndjson',
        platform: 'tmall',
        mapping: null,
        state: null,
        limit: null,
        decideAfterMinutes: 0,
        engine: 'compiled',
      },
      strategies: { path: 'c', strategyIds: [] },
      orders: 1,
      decided,
      skipped: [],
      skippedTotal: 0,
      durationMs: 1,
      ordersPerSecond: 1,
      ...tallies,
      payHours: new Array(24).fill(0),
      baseline: { path: 'b', strategyIds: [], ...baselineCounter.result(), failed: [], failedTotal: 0 },
      run: { workers: 1, phasesMs: { reading: 0, deciding: 0 }, sortedRuns: 0, peakRssMb: 0, cpuMs: 0 },
    });
    expect(Object.keys(report.holdReasons)).toEqual(['__proto__']);
    const html = renderHtml(report);
    expect(html).toContain('__proto__');
    expect(html).toContain('constructor');
    expect(html).not.toMatch(/function|NaN|\[native code\]/);
  });
});

describe('TallyCounter counting an order once per reason, tag and warehouse', () => {
  const held = (reasons: string[], tags: string[], parcels: (string | null)[]) =>
    ({
      status: 'held',
      holds: reasons.map((reason) => ({ reason })),
      flags: [],
      warehouse: null,
      parcels: parcels.map((warehouse) => ({ warehouse, lines: [], reason: 'regular' })),
      carrier: null,
      gifts: [],
      tags,
    }) as unknown as Decision;

  it('counts repeats within one order once, in short lists and in long ones', () => {
    const counter = new TallyCounter([]);
    const many = Array.from({ length: 12 }, (_, i) => `t${i % 5}`);
    counter.add(held(['a', 'b', 'a'], ['x', 'x'], ['W1', 'W2', 'W1']));
    counter.add(held(['a'], many, []));
    const result = counter.result();
    expect({ ...result.holdReasons }).toEqual({ a: 2, b: 1 });
    expect({ ...result.tags }).toEqual({ x: 1, t0: 1, t1: 1, t2: 1, t3: 1, t4: 1 });
    expect({ ...result.warehouses }).toEqual({ W1: 1, W2: 1, '(none)': 1 });
    expect({ ...result.carriers }).toEqual({ '(none)': 2 });
  });
});
