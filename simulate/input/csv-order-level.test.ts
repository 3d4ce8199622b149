import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../engine/errors/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { tmp } from '../simulate.test-helper.ts';
import type { SkippedRow } from '../threads/messages.ts';
import { loadCsvMapping, parseCsvMapping } from './csv-mapping.ts';
import { CsvOrderReader } from './csv-order.ts';
import { CsvSource } from './csv-source.ts';

const dir = tmp('csv-order-level');
const samples = new URL('../../samples/history/', import.meta.url).pathname;

/** Every row of an export read as the prepare workers read it: orders, and rows skipped with their reason. */
async function readAll(file: string, mappingFile: string) {
  const source = await CsvSource.open(file, loadCsvMapping(mappingFile), undefined);
  const reader = new CsvOrderReader(source.plan);
  const orders: StandardOrder[] = [];
  const skipped: SkippedRow[] = [];
  for await (const item of source.items()) {
    if (item.kind === 'bad') skipped.push(item.row);
    else if (item.batch.kind === 'csv') {
      for (const group of item.batch.groups) {
        try {
          orders.push(reader.read(group));
        } catch (error) {
          const { line } = (error as InputError).location;
          skipped.push({ line: line ?? group.line, reason: (error as Error).message });
        }
      }
    }
  }
  return { orders, skipped };
}

const count = (values: readonly string[]) =>
  Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));

describe('the sample Tmall order export (one row per order, GB18030)', () => {
  const read = readAll(
    join(samples, 'tmall-order-export.csv'),
    join(samples, 'tmall-order-export-mapping.json'),
  );

  it('reads 48 of its 50 rows; the misaligned row and the impossible date are skipped with line and column', async () => {
    const { orders, skipped } = await read;
    expect(orders).toHaveLength(48);
    expect(skipped).toEqual([
      {
        line: 24,
        reason: 'the row has 10 cells and the header 9: a field holding "," is probably not quoted',
      },
      {
        line: 37,
        reason:
          'column "订单创建时间" (createdAt): "2026-11-31 10:15:22" is not a time in any of the mapping\'s dateFormats',
      },
    ]);
  });

  it('gives its orders no lines, and keeps the 19-digit order ids as written', async () => {
    const { orders } = await read;
    expect(orders.every((o) => o.lines.length === 0 && o.totals.qty === 0)).toBe(true);
    expect(orders[0]).toMatchObject({
      id: '4012345678901234425',
      platform: 'tmall',
      shop: 'demo-tmall-flagship',
      status: 'shipped',
      buyer: { nick: 't**1' },
      amounts: { total: 368, paid: 328, refund: 0 },
      receiver: { province: '上海市', provinceCode: '31' },
      paidAt: '2026-11-11T00:04:42+08:00',
    });
  });

  it('recognises refunds: 5 covering the payment, 6 partial', async () => {
    const { orders } = await read;
    expect(count(orders.map((o) => o.refundStatus))).toEqual({ none: 37, partRefunded: 6, refunded: 5 });
    expect(orders.find((o) => o.id === '4012345678901273935')).toMatchObject({
      status: 'closed',
      refundStatus: 'refunded',
      amounts: { paid: 1199, refund: 1199 },
      receiver: { province: '内蒙古自治区' },
    });
    expect(orders.find((o) => o.id === '4012345678901298207')).toMatchObject({
      refundStatus: 'partRefunded',
      amounts: { paid: 59.9, refund: 49.9 },
    });
  });

  it('reads unpaid orders from the empty pay time, and keeps an unknown region as an issue', async () => {
    const { orders } = await read;
    expect(count(orders.map((o) => o.payStatus))).toEqual({ paid: 43, unpaid: 5 });
    const overseas = orders.find((o) => o.id === '4012345678901337305')!;
    expect(overseas.receiver.province).toBe('海外');
    expect(overseas.issues.map((i) => `${i.code} ${i.field}`)).toContain('region_unknown receiver.province');
  });
});

describe('order-level CSV mappings', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const columns = {
    单号: 'id',
    下单: 'createdAt',
    省: 'receiver.province',
    总额: 'amounts.total',
    实付: 'amounts.paid',
    退款: 'amounts.refund',
  };
  let mappings = 0;
  const mapping = (more: object = {}) => {
    const path = join(dir, `mapping-${++mappings}.json`);
    writeFileSync(path, JSON.stringify({ columns, ...more }));
    return path;
  };

  it('lets a refund status column say otherwise; an empty cell leaves it to the amount', async () => {
    const csv = file(
      'status.csv',
      [
        '单号,下单,省,总额,实付,退款,退款状态',
        'R-1,2026-11-11 00:00:01,上海,100,100,100,退款中',
        'R-2,2026-11-11 00:00:02,上海,100,100,100,',
        'R-3,2026-11-11 00:00:03,上海,100,100,0,无',
      ].join('\n'),
    );
    const { orders } = await readAll(csv, mapping({ columns: { ...columns, 退款状态: 'refundStatus' } }));
    expect(orders.map((o) => [o.id, o.refundStatus])).toEqual([
      ['R-1', 'pending'],
      ['R-2', 'refunded'],
      ['R-3', 'none'],
    ]);
  });

  it('reads an OAID column into receiver.oaid, and an empty cell as none', async () => {
    const csv = file(
      'oaid.csv',
      '单号,下单,省,总额,实付,退款,OAID\n' +
        'R-1,2026-11-11 00:00:01,上海,100,100,0,1xHnZbkPTibOBHNA\n' +
        'R-2,2026-11-11 00:00:02,上海,100,100,0,\n',
    );
    const path = join(dir, 'mapping-oaid.json');
    writeFileSync(path, JSON.stringify({ columns: { ...columns, OAID: 'receiver.oaid' } }));
    const { orders, skipped } = await readAll(csv, path);
    expect(skipped).toEqual([]);
    expect(orders.map((o) => o.receiver.oaid)).toEqual(['1xHnZbkPTibOBHNA', undefined]);
    expect('oaid' in orders[1]!.receiver).toBe(false);
  });

  it('reads ids and amounts exports wrap in ="…", and refuses ids Excel turned into numbers', async () => {
    const csv = file(
      'excel.csv',
      '单号,下单,省,总额,实付,退款\n' +
        '="4012345678901234425",2026-11-11 00:00:01,上海,="100.00",100,0\n' +
        '"=""4012345678901234426""",2026-11-11 00:00:02,上海,100,100,0\n' +
        '4.01235E+18,2026-11-11 00:00:03,上海,100,100,0\n',
    );
    const { orders, skipped } = await readAll(csv, mapping());
    expect(orders.map((o) => [o.id, o.amounts.total])).toEqual([
      ['4012345678901234425', 100],
      ['4012345678901234426', 100],
    ]);
    expect(skipped).toEqual([
      {
        line: 4,
        reason:
          'column "单号" (id): "4.01235E+18" is an order id Excel turned into a number, its digits lost: export again and do not save it from Excel (or set the column to text before opening it)',
      },
    ]);
  });

  it('names the line and column of a refund amount that is not a number', async () => {
    const csv = file(
      'bad-refund.csv',
      '单号,下单,省,总额,实付,退款\nR-1,2026-11-11 00:00:01,上海,100,100,全额\n',
    );
    expect((await readAll(csv, mapping())).skipped).toEqual([
      { line: 2, reason: 'column "退款" (amounts.refund): "全额" is not a number' },
    ]);
  });

  it('refuses line fields without a SKU column, and an order-level mapping without a total', () => {
    const refused = (columns: object, constants: object = {}) => {
      try {
        parseCsvMapping({ columns, constants }, 'm.json');
      } catch (error) {
        return (error as InputError).message;
      }
      return 'accepted';
    };
    expect(refused({ 号: 'id', 时间: 'paidAt', 数量: 'lines.qty' })).toBe(
      'm.json is not a valid CSV mapping: columns: a column must map to "lines.sku" when line fields are mapped (lines.qty); an order-level export maps none',
    );
    expect(refused({ 号: 'id', 时间: 'paidAt', 总额: 'amounts.total' }, { 'lines.isGift': false })).toMatch(
      /a column must map to "lines.sku" when line fields are mapped \(lines\.isGift\)/,
    );
    expect(refused({ 号: 'id', 时间: 'paidAt' })).toBe(
      'm.json is not a valid CSV mapping: columns: an order-level export (no line columns) must map "amounts.total": it has no lines to add up',
    );
    expect(refused({ 号: 'id', 时间: 'paidAt', 总额: 'amounts.total' })).toBe('accepted');
  });

  it('refuses, before reading any row, a mapping naming a column the export lacks', async () => {
    const csv = file('short.csv', '单号,下单,省,总额,实付\nR-1,2026-11-11 00:00:01,上海,100,100\n');
    await expect(readAll(csv, mapping())).rejects.toThrow(
      /the mapping's column "退款" is not in the header row \(it has "单号", "下单", "省", "总额", "实付"\)/,
    );
  });
});
