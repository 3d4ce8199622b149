import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationReport } from './report/report-schema.ts';
import { BASE_STRATEGIES, strategy, tmp, writeLines, writeStrategies } from './simulate.test-helper.ts';
import { simulate } from './simulate.ts';

const root = tmp('top-ids');
const baseline = writeStrategies(root, 'baseline', BASE_STRATEGIES);
const candidate = writeStrategies(root, 'candidate', [
  strategy('routing', 'routing', 'first', [{ type: 'route', params: { warehouse: 'WH-GZ' } }]),
  ...BASE_STRATEGIES.filter((s) => s.id !== 'routing'),
]);

/** The TOP fixture on one line, its ids JSON numbers of 19 digits as Taobao's API sends them. */
const fixture = readFileSync(
  new URL('../engine/order/adapters/fixtures/tmall-top-numeric-ids.json', import.meta.url),
  'utf8',
).replace(/\n\s*/g, '');
const trade = (tid: string, pay = '00:02:41') =>
  fixture.replace('3456789012345678901', tid).replace('2025-11-11 00:02:41', `2025-11-11 ${pay}`);

describe('simulate: raw TOP trades with numeric 19-digit ids', () => {
  let report: SimulationReport;

  beforeAll(async () => {
    const file = writeLines(root, 'top.ndjson', [
      trade('3456789012345678901', '00:02:41'),
      trade('3456789012345678999', '00:02:42'),
      fixture.replace('3456789012345678901', '1.5'),
      trade('9007199254740993', '00:02:43'),
    ]);
    report = await simulate({ strategies: candidate, baseline, orders: file, workers: 1 });
    // Two pipelines on worker threads: seconds on a busy machine.
  }, 60_000);

  it('decides them under their ids, every digit kept', () => {
    expect(report).toMatchObject({ orders: 4, decided: 3, skippedTotal: 1 });
    const examples = report.changed!.byKind.warehouse.examples.map((x) => x.orderId);
    expect(examples).toEqual(['3456789012345678901', '3456789012345678999', '9007199254740993']);
  });

  it('reports an id that is no id as a row, with its line and the field', () => {
    expect(report.skipped).toEqual([
      { line: 3, reason: 'tid: 1.5 is not an order id (a string or a whole number)' },
    ]);
  });
});
