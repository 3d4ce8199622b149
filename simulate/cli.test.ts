import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';
import { SimulationReportSchema } from './report/report-schema.ts';
import { tmp } from './simulate.test-helper.ts';

const root = new URL('../', import.meta.url).pathname;
const out = tmp('simulate-cli');

function ordergraph(args: string[]) {
  return runCli(['simulate', ...args], { cwd: root });
}

describe('ordergraph simulate', () => {
  it('replays the sample CSV export with its mapping, prints a summary and writes both reports', () => {
    const json = join(out, 'report.json');
    const html = join(out, 'report.html');
    const { code, stdout } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      'samples/history/old-system-export.csv',
      '--map',
      'samples/history/old-system-mapping.json',
      '--workers',
      '1',
      '--json',
      json,
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Simulated 40 orders of samples\/history\/old-system-export\.csv in [\d.]+ s/);
    expect(stdout).toContain(
      'decided    38, skipped 2 (first: line 15: column "数量" (lines.qty): "两件" is not a number)',
    );
    const report = SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.skipped.map((s) => s.line)).toEqual([15, 21]);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('replays an order-level Tmall export: every row accounted for, refunds recognised, lines asked for', () => {
    const json = join(out, 'tmall.json');
    const { code, stdout } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      'samples/history/tmall-order-export.csv',
      '--map',
      'samples/history/tmall-order-export-mapping.json',
      '--workers',
      '1',
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Simulated 50 orders of samples\/history\/tmall-order-export\.csv in /);
    expect(stdout).toContain(
      'decided    48, skipped 2 (first: line 24: the row has 10 cells and the header 9: a field holding "," is probably not quoted)',
    );
    const report = SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.skipped.map((s) => `${s.line}: ${s.reason}`)).toEqual([
      '24: the row has 10 cells and the header 9: a field holding "," is probably not quoted',
      '37: column "订单创建时间" (createdAt): "2026-11-31 10:15:22" is not a time in any of the mapping\'s dateFormats',
    ]);
    expect(report.outcomes).toEqual({ approved: 0, held: 48, flagged: 0 });
    expect(report.holdReasons).toMatchObject({
      refunded: 5,
      refund_pending: 6,
      unpaid: 5,
      // Province only: no street address, city or district to ship to.
      address_problem: 48,
      // Routing's stock step and the carrier's SKU level; not no_warehouse / no_carrier as well.
      no_lines: 48,
    });
    expect(report.holdReasons).not.toHaveProperty('no_warehouse');
    expect(report.holdReasons).not.toHaveProperty('no_carrier');
    expect(report.tags).toMatchObject({ 退款中: 6, 偏远地区: 4 });
  });

  it('exits 2 before reading a row when the mapping names a column the export lacks, naming it', () => {
    const mapping = join(out, 'missing-column.json');
    const sample = JSON.parse(
      readFileSync(join(root, 'samples/history/tmall-order-export-mapping.json'), 'utf8'),
    );
    writeFileSync(
      mapping,
      JSON.stringify({ ...sample, columns: { ...sample.columns, 退款状态: 'refundStatus' } }),
    );
    const { code, stdout, stderr } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      'samples/history/tmall-order-export.csv',
      '--map',
      mapping,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error: samples\/history\/tmall-order-export\.csv: the mapping's column "退款状态" is not in the header row \(it has "订单编号", "买家会员名", /m,
    );
  });

  it('replays a gzipped history as the history itself, and asks a gzipped CSV export for its mapping', () => {
    const history = 'samples/history/demo-history.ndjson';
    const gzipped = join(out, 'demo-history.ndjson.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(join(root, history))));
    const reports = [history, gzipped].map((orders, i) => {
      const json = join(out, `history-${i}.json`);
      const { code } = ordergraph([
        '--strategies',
        'samples/clients/demo/strategies',
        '--orders',
        orders,
        '--limit',
        '400',
        '--workers',
        '1',
        '--json',
        json,
      ]);
      expect(code).toBe(0);
      const { durationMs, ordersPerSecond, run, input, ...report } = JSON.parse(readFileSync(json, 'utf8'));
      return report;
    });
    expect(reports[1].decided).toBe(400);
    expect(reports[1]).toEqual(reports[0]);

    const csv = join(out, 'export.csv.gz');
    writeFileSync(csv, gzipSync(readFileSync(join(root, 'samples/history/tmall-order-export.csv'))));
    const noMap = ordergraph(['--strategies', 'samples/clients/demo/strategies', '--orders', csv]);
    expect(noMap.code).toBe(2);
    expect(noMap.stderr).toContain('looks like a CSV export: say how to read it with --map');

    const piped = ordergraph(['--strategies', 'samples/clients/demo/strategies', '--orders', '-']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toBe(
      'error: simulate reads --orders from a file, not standard input: write it to a file first (gzipped is fine)\n',
    );
  });

  it('exits 2 when no row of the file could be decided, after printing and writing the report', () => {
    const junk = join(out, 'not-orders.ndjson');
    writeFileSync(junk, 'order id,paid\nT-1,2026-11-11\n');
    const json = join(out, 'junk.json');
    const { code, stdout, stderr } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      junk,
      '--json',
      json,
    ]);
    expect(code).toBe(2);
    expect(stdout).toContain('decided    0, skipped 2');
    expect(stderr).toContain(
      `error: none of the 2 rows of ${junk} could be decided (first: line 1: not JSON`,
    );
    expect(SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8'))).skippedTotal).toBe(2);
  });

  it('names a JSON array of orders as one, rather than skipping each of its lines', () => {
    const lines = readFileSync(join(root, 'samples/history/demo-history.ndjson'), 'utf8')
      .split('\n')
      .slice(0, 3);
    const array = join(out, 'orders.json');
    writeFileSync(
      array,
      `\n  ${JSON.stringify(
        lines.map((line) => JSON.parse(line)),
        null,
        2,
      )}\n`,
    );
    const { code, stdout, stderr } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      array,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error: ${array} is a JSON array, not NDJSON (one order per line)`);
  });

  it('names a line that is a saved page of a list API, or an API error answer, rather than an unknown order', () => {
    const [order, other] = readFileSync(join(root, 'samples/history/demo-history.ndjson'), 'utf8').split(
      '\n',
    );
    const page = { code: 10000, msg: 'success', data: { total: 2, shop_order_list: [{}, {}] } };
    const failed = { error_response: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey' } };
    const history = join(out, 'pages.ndjson');
    writeFileSync(history, `${order}\n${JSON.stringify(page)}\n${other}\n${JSON.stringify(failed)}\n`);
    const json = join(out, 'pages.json');
    const { code } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      history,
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    const report = SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.decided).toBe(2);
    expect(report.skipped).toEqual([
      {
        line: 2,
        reason:
          'a page of 2 Douyin shop orders from order.searchList, not one order: its orders are at .data.shop_order_list. ' +
          "Take one with jq '.data.shop_order_list[0]', or write them all one a line with jq -c '.data.shop_order_list[]'",
      },
      {
        line: 4,
        reason:
          "a platform API's error answer, not an order (27 Invalid session: invalid-sessionkey): the call that should have fetched this order failed",
      },
    ]);
  });

  it('decides each order --decide-after minutes after payment: the demo merge wait is over, merges are counted', () => {
    const json = join(out, 'later.json');
    const args = ['--strategies', 'samples/clients/demo/strategies', '--orders'];
    const { code, stdout } = ordergraph([
      ...args,
      'samples/history/demo-history.ndjson',
      '--limit',
      '300',
      '--workers',
      '1',
      '--decide-after',
      '30',
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}merges {5}\d+ merged groups, \d+ parcels saved/);
    const report = SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.input.decideAfterMinutes).toBe(30);
    expect(report.holdReasons.merge_wait).toBeUndefined();
    expect(report.merges.parcelsSaved).toBeGreaterThan(0);
    expect(ordergraph([...args, 'x.ndjson', '--decide-after', 'soon']).stderr).toMatch(/0 or more/);
  });
});
