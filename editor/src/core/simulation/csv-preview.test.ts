import { describe, expect, it } from 'vitest';
import { foldHeader, mapRows, missingColumns, sampleCsv } from './csv-preview.ts';

const EXPORT = [
  '\uFEFF 订单编号 ,订单状态,收货地址,备注',
  '4012,"买家已付款，等待卖家发货",上海,"说 ""快点"""',
  '4013,交易关闭,浙江省,"两行',
  '备注"',
  '4014,交易成功,江苏省,半',
].join('\r\n');

describe('sampleCsv', () => {
  it('reads the header folded as the server matches it, and quoted cells with commas, quotes and newlines', () => {
    const sample = sampleCsv(EXPORT);
    expect(sample.headers).toEqual(['订单编号', '订单状态', '收货地址', '备注']);
    expect(sample.rows[0]).toEqual(['4012', '买家已付款，等待卖家发货', '上海', '说 "快点"']);
    expect(sample.rows[1]).toEqual(['4013', '交易关闭', '浙江省', '两行\r\n备注']);
  });

  it('drops a last row the head cut short, unless the text is the whole file', () => {
    expect(sampleCsv(EXPORT).rows).toHaveLength(2);
    expect(sampleCsv(EXPORT, { whole: true }).rows.at(-1)).toEqual(['4014', '交易成功', '江苏省', '半']);
  });

  it('stops at the limit and reads another delimiter', () => {
    expect(sampleCsv('a;b\n1;2\n3;4\n5;6\n', { delimiter: ';', limit: 2 }).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('folds full-width characters and runs of spaces', () => {
    expect(foldHeader('  买家　ＩＤ  ')).toBe('买家 ID');
  });
});

describe('mapRows', () => {
  const mapping = {
    columns: { ' 订单编号': 'id', 订单状态: 'status' },
    values: { status: { 交易关闭: 'closed' } },
    constants: { platform: 'tmall' },
  };

  it('puts each mapped cell under its field, translates enum words and adds the constants', () => {
    const [first, second] = mapRows(sampleCsv(EXPORT), mapping);
    expect(first).toEqual({ id: '4012', status: '买家已付款，等待卖家发货', platform: 'tmall' });
    expect(second).toEqual({ id: '4013', status: 'closed', platform: 'tmall' });
  });

  it('shows a cell written as an Excel text formula as its text, as the server reads it', () => {
    const [row] = mapRows(sampleCsv('订单编号,订单状态\n="4012345678901234425",="交易关闭"\n'), mapping);
    expect(row).toEqual({ id: '4012345678901234425', status: 'closed', platform: 'tmall' });
  });

  it('names mapped columns the file lacks', () => {
    const sample = sampleCsv(EXPORT);
    expect(missingColumns(sample, mapping)).toEqual([]);
    expect(missingColumns(sample, { columns: { ...mapping.columns, 付款时间: 'paidAt' } })).toEqual([
      '付款时间',
    ]);
  });
});
