import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors/index.ts';
import { tmp } from '../simulate.test-helper.ts';
import { type CsvMapping, parseCsvMapping } from './csv-mapping.ts';
import type { CsvGroup } from './csv-order.ts';
import { CsvOrderReader } from './csv-order.ts';
import { CsvSource } from './csv-source.ts';
import type { SourceItem } from './order-source.ts';

const dir = tmp('csv');
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// An old system's export as it arrives: BOM, CRLF, headers with stray and full-width spaces and
// brackets, decimal commas, a quoted remark over two lines with a comma and quotes, an order over
// two rows, a row of empty cells, a bad quantity, a misaligned row, a quote never closed.
const EXPORT = [
  '\uFEFF 订单编号 ,付款时间,下单时间, 金额（元）　,商品编码,数量,单价,买家留言,省,市,区,详细地址',
  'A-1,2026/11/11 00:00:05,2026/11/11 00:00:01,"1.299,50",SKU-1,1,"1.299,50","第一行',
  '第二行, 还有逗号",浙江省,杭州市,西湖区,文三路1号',
  'A-2,2026-11-11 00:01,2026/11/11 00:00:02,"20,00",SKU-1,1,"10,00","他说""你好""",上海,上海,浦东新区,世纪大道1号',
  'A-2,,,,SKU-2,1,"10,00",,,,,',
  ',,,,,,,,,,,',
  'A-3,2026/11/11 00:00:09,2026/11/11 00:00:03,"5,00",SKU-1,两件,"5,00",,浙江省,杭州市,西湖区,y',
  'A-4,2026/11/11 00:00:09,2026/11/11 00:00:03,"5,00",SKU-1,1,"5,00",,浙江省,杭州市,西湖区,y,多出来的',
  'A-5,2026/11/11 00:00:10,2026/11/11 00:00:04,"5,00",SKU-1,1,"5,00","never closed,浙江省,杭州市,西湖区,z',
  'A-6,2026/11/11 00:00:11,2026/11/11 00:00:05,5,SKU-1,1,5,,浙江省,杭州市,西湖区,z',
].join('\r\n');

const mapping: CsvMapping = parseCsvMapping(
  {
    columns: {
      订单编号: 'id',
      付款时间: 'paidAt',
      下单时间: 'createdAt',
      '金额(元)': 'amounts.total',
      商品编码: 'lines.sku',
      数量: 'lines.qty',
      单价: 'lines.price',
      买家留言: 'buyerMessage',
      省: 'receiver.province',
      市: 'receiver.city',
      区: 'receiver.district',
      详细地址: 'receiver.address',
    },
    dateFormats: ['yyyy/MM/dd HH:mm:ss', 'yyyy-MM-dd HH:mm'],
    decimalSeparator: ',',
    constants: { platform: 'tmall', shop: 'OLD-SHOP' },
  },
  'mapping.json',
);

async function items(source: CsvSource): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of source.items()) out.push(item);
  return out;
}

const groupsOf = (all: SourceItem[]): CsvGroup[] =>
  all.flatMap((i) => (i.kind === 'batch' && i.batch.kind === 'csv' ? i.batch.groups : []));

describe('CSV exports', () => {
  it('groups rows into orders by order id, each on the line it starts, and reports an unclosed quote where it opens', async () => {
    const source = await CsvSource.open(file('export.csv', EXPORT), mapping, undefined);
    const all = await items(source);
    const groups = groupsOf(all);
    expect(groups.map((g) => [g.line, g.rows.map((r) => r.line)])).toEqual([
      [2, [2]],
      [4, [4, 5]],
      [7, [7]],
      [8, [8]],
    ]);
    const bad = all.flatMap((i) => (i.kind === 'bad' ? [i.row] : []));
    expect(bad).toEqual([
      {
        line: 9,
        reason:
          'a quoted field opened on this row is never closed: the rows after it, to the end of the file, could not be read',
      },
    ]);
  });

  it('reads quirky cells into standard orders: decimal commas, China time, quotes, newlines, constants', async () => {
    const source = await CsvSource.open(file('export.csv', EXPORT), mapping, undefined);
    const reader = new CsvOrderReader(source.plan);
    const [first, second] = groupsOf(await items(source))
      .slice(0, 2)
      .map((g) => reader.read(g));
    expect(first).toMatchObject({
      id: 'A-1',
      platform: 'tmall',
      shop: 'OLD-SHOP',
      paidAt: '2026-11-11T00:00:05+08:00',
      createdAt: '2026-11-11T00:00:01+08:00',
      payStatus: 'paid',
      amounts: { total: 1299.5, paid: 1299.5 },
      buyerMessage: '第一行\r\n第二行, 还有逗号',
      lines: [{ sku: 'SKU-1', qty: 1, price: 1299.5 }],
    });
    expect(second).toMatchObject({
      id: 'A-2',
      paidAt: '2026-11-11T00:01:00+08:00',
      buyerMessage: '他说"你好"',
      receiver: { province: '上海市', district: '浦东新区', districtCode: '310115' },
      lines: [{ sku: 'SKU-1' }, { sku: 'SKU-2' }],
      totals: { qty: 2, lines: 2 },
    });
  });

  it('names the line and column of a bad cell, and a row wider than the header', async () => {
    const source = await CsvSource.open(file('export.csv', EXPORT), mapping, undefined);
    const reader = new CsvOrderReader(source.plan);
    const [, , badQty, wide] = groupsOf(await items(source));
    const error = (group: CsvGroup) => {
      try {
        reader.read(group);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an InputError');
    };
    expect(error(badQty!)).toMatchObject({
      message: 'column "数量" (lines.qty): "两件" is not a number',
      location: { line: 7, field: 'lines.qty' },
    });
    expect(error(wide!).location.line).toBe(8);
    expect(error(wide!).message).toMatch(/13 cells and the header 12/);
  });

  it('stops after --limit orders', async () => {
    const source = await CsvSource.open(file('export.csv', EXPORT), mapping, 2);
    expect(groupsOf(await items(source)).map((g) => g.line)).toEqual([2, 4]);
  });

  it('reads GB18030 (GBK) exports from Chinese Excel', async () => {
    const gbkHeader = Uint8Array.from([0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]); // 订单编号
    const rest = new TextEncoder().encode(',paid,sku,qty,price\r\nG-1,2026/11/11 00:00:01,S,1,9.9\r\n');
    const gbk = file('gbk.csv', Buffer.concat([gbkHeader, rest]));
    const gbkMapping = parseCsvMapping(
      {
        columns: { 订单编号: 'id', paid: 'paidAt', sku: 'lines.sku', qty: 'lines.qty', price: 'lines.price' },
        encoding: 'gb18030',
      },
      'gbk.json',
    );
    const source = await CsvSource.open(gbk, gbkMapping, undefined);
    expect(groupsOf(await items(source)).map((g) => g.rows[0]!.cells[0])).toEqual(['G-1']);
  });

  it("reads a gzipped export as the export itself, counting progress in the file's own bytes", async () => {
    const packed = gzipSync(EXPORT);
    const gzipped = await CsvSource.open(file('export.csv.gz', packed), mapping, undefined);
    const plain = await CsvSource.open(file('export.csv', EXPORT), mapping, undefined);
    expect(await items(gzipped)).toEqual(await items(plain));
    expect(gzipped.totalBytes).toBe(packed.length);
    expect(gzipped.bytesRead).toBe(packed.length);
  });

  it('names a gzipped export cut short, rather than reading what it holds as rows', async () => {
    const packed = gzipSync(EXPORT.repeat(50), { level: 0 });
    const cut = file('cut.csv.gz', packed.subarray(0, packed.length - 400));
    const reading = CsvSource.open(cut, mapping, undefined).then(items);
    await expect(reading).rejects.toThrow(InputError);
    await expect(reading).rejects.toThrow(/cut\.csv\.gz: not a whole gzip file/);
  });

  it('reads UTF-16LE tab-separated text, as Excel saves "Unicode text"', async () => {
    const text = '\uFEFF订单编号\tpaid\tsku\tqty\tprice\r\nU-1\t2026/11/11 00:00:01\t面膜\t1\t9.9\r\n';
    const unicodeText = file('unicode.txt', Buffer.from(text, 'utf16le'));
    const utf16 = parseCsvMapping(
      {
        columns: { 订单编号: 'id', paid: 'paidAt', sku: 'lines.sku', qty: 'lines.qty', price: 'lines.price' },
        encoding: 'utf-16le',
        delimiter: '\t',
      },
      'utf16.json',
    );
    const source = await CsvSource.open(unicodeText, utf16, undefined);
    expect(groupsOf(await items(source)).map((g) => g.rows[0]!.cells)).toEqual([
      ['U-1', '2026/11/11 00:00:01', '面膜', '1', '9.9'],
    ]);
  });

  it('says which encoding an export whose header reads as garbage is likely in', async () => {
    const gbkHeader = Uint8Array.from([0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]); // 订单编号 in GB18030
    const gbk = file('gbk-read-as-utf8.csv', Buffer.concat([gbkHeader, Buffer.from(',paid\r\nG-1,x\r\n')]));
    const utf8 = parseCsvMapping(
      { columns: { 订单编号: 'id', paid: 'paidAt', sku: 'lines.sku', qty: 'lines.qty' } },
      'utf8.json',
    );
    await expect(CsvSource.open(gbk, utf8, undefined)).rejects.toThrow(
      /is not in the header row \(it has .*\)\. The header is not valid utf-8 text\. Chinese Excel writes GB18030: say "encoding": "gb18030" in the mapping$/,
    );
    const utf16 = file('utf16-read-as-utf8.txt', Buffer.from('\uFEFF订单编号,paid\r\nU-1,x\r\n', 'utf16le'));
    await expect(CsvSource.open(utf16, utf8, undefined)).rejects.toThrow(
      /the file looks like UTF-16 \(Excel's "Unicode text"\); say "encoding": "utf-16le"/,
    );
    // A header that reads well, only without the column, gets no word about encodings.
    const readable = parseCsvMapping(
      { ...mapping, columns: { ...mapping.columns, 付款状态: 'payStatus' } },
      'm.json',
    );
    const refusal = await CsvSource.open(file('export.csv', EXPORT), readable, undefined).catch(
      (e: Error) => e,
    );
    expect((refusal as Error).message).toMatch(/is not in the header row/);
    expect((refusal as Error).message).not.toMatch(/encoding/);
  });

  it('refuses a mapping whose column the header lacks, naming the columns it has', async () => {
    const other = parseCsvMapping(
      { ...mapping, columns: { ...mapping.columns, 付款状态: 'payStatus' } },
      'm.json',
    );
    await expect(CsvSource.open(file('export.csv', EXPORT), other, undefined)).rejects.toThrow(
      /the mapping's column "付款状态" is not in the header row \(it has "订单编号", "付款时间"/,
    );
  });
});

describe('CSV mapping', () => {
  it('lists every problem in one message', () => {
    expect(() =>
      parseCsvMapping(
        {
          columns: { 编号: 'lines.sku', 时间: 'paidAtt' },
          dateFormats: ['dd.MM.yy'],
          values: { payStatus: { 已结清: 'settled' } },
        },
        'm.json',
      ),
    ).toThrow(InputError);
    try {
      parseCsvMapping({ columns: { 编号: 'lines.sku' }, dateFormats: ['dd.MM.yy'] }, 'm.json');
    } catch (error) {
      expect((error as Error).message).toMatch(/a column must map to "id"/);
      expect((error as Error).message).toMatch(/dateFormats\[0\]: "dd.MM.yy" has "y"/);
    }
  });
});
